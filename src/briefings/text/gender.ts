// The grammatical gender news prose gives a person, for "he" and "she": from a courtesy title or a
// gendered office ("Mrs.", "congresswoman"), else from a common given name. Unknown stays unknown.

export type Gender = 'm' | 'f';

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const MALE_TITLES = words(`
  mr mr. sir lord king prince duke emperor father brother son husband uncle nephew grandfather
  congressman businessman councilman alderman assemblyman anchorman
  actor monk priest boyfriend widower
`);
const FEMALE_TITLES = words(`
  mrs mrs. ms ms. miss dame lady queen princess duchess empress mother sister daughter wife aunt
  niece grandmother congresswoman spokeswoman chairwoman businesswoman councilwoman
  alderwoman assemblywoman anchorwoman actress nun girlfriend widow first-lady
`);

/** Common English-language given names (US census and news frequency), by the gender they usually carry. */
const MALE_NAMES = words(`
  aaron adam alan albert alex alexander andrew andy anthony antonio arthur barack ben benjamin
  bernie bill billy bob bobby brad bradley brandon brian bruce bryan carl carlos charles charlie
  chris christopher chuck clarence cory craig dan daniel danny dave david dennis derek dick don
  donald doug douglas dwight earl ed eddie edward eric ernest eugene frank fred gary gavin gene
  george gerald glenn gordon greg gregory harold harry henry howard ian jack jacob jake james jason
  jay jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph
  josh joshua juan justin keith ken kenneth kevin kyle larry lawrence lee leonard lindsey louis
  luis marco marcus mark martin matt matthew michael mick mike mitch mitt nathan neil newt nicholas
  nick noah pat patrick paul peter phil philip ralph randy ray raymond reince richard rick rob
  robert roger ron ronald roy rudy russell ryan sam samuel scott sean sergei seth sherrod stephen
  steve steven stuart ted terry thomas tim timothy todd tom tony tyler victor vladimir walter
  wayne william willie xi zach
  abdul abdullah ahmed ahmad ali amir andre angelo arnold barry benny bernard bert boris brett
  bruno calvin cameron carlo cecil cedric chad christian clark claude clint clifford clyde colin
  conrad curtis dale darrell darren dean desmond dominic donovan duane dustin dylan eduardo
  elijah elliot emmanuel enrique erik ernesto ethan evan felix fernando francis francisco franklin
  fredrick gabriel garrett geoffrey gerard gilbert giuseppe glen graham grant guy hans harvey
  hassan hector herbert herman hugh hugo ibrahim igor isaac ivan jaime jared javier jean-claude
  jeremiah jerome jesus jimmie joaquin jorge julian julio karl kurt lance lars leon leroy lewis
  lloyd lorenzo lucas luke lyndon malcolm manuel marc mario marvin max melvin miguel mikhail milton
  mohamed mohammad mohammed muhammad murray nathaniel neal nelson nigel norman novak olaf oliver
  omar oscar otto pablo pedro percy pete pierre preston quentin rafael ramon randall raul reggie
  reginald rex ricardo rodney rodrigo roland ross rudolph rupert salvador sanjay santiago saul
  sebastian sergio seymour sidney simon spencer stanley sylvester theodore travis trevor troy
  tucker vernon vicente vincent wade wallace warren wesley wilbur wilson winston wolfgang yuri
  zachary
`);
const FEMALE_NAMES = words(`
  abigail alexandra alice alicia alison amanda amy andrea angela ann anna anne barbara betsy betty
  beverly brenda carly carol caroline catherine cathy cheryl christina christine claire cynthia
  dana deborah debbie debra diana diane donna doris dorothy elaine elena elizabeth ellen emily
  emma erin evelyn frances gabrielle gina gloria grace hannah heather heidi helen hillary huma
  ivanka jane janet janice jean jennifer jessica jill joan joanna joyce judith judy julia julie
  karen kate katherine kathleen kathryn kathy katie kelly kellyanne kim kimberly kirsten laura
  lauren linda lisa lori louise lucy madeleine margaret maria marie marilyn marsha martha mary
  maxine megan megyn melania melissa michele michelle nancy natalie nicole nikki olivia pamela
  patricia paula rachel rebecca regina rita rosa rose ruth sally samantha sandra sara sarah sharon
  shirley sonia stephanie susan suzanne tammy teresa theresa tiffany tulsi valerie victoria
  virginia wendy
  adele adriana agnes aisha alana alexandria alma amber amelia ana angelina anita annette antonia
  april ariana arlene audrey ava beatrice belinda bernadette bernice beth bethany bianca blanche
  bonnie brigid brigitte bridget brittany brooke camila candace carla carmen carolyn cassandra
  cecilia celia charlene charlotte chelsea cindy clara claudia colleen connie constance courtney
  crystal daisy daniela danielle darlene dawn delia denise dianne dolores dora edith edna eileen
  eleanor elisa eliza ella eloise elsa esther eugenia eva faith felicia fiona florence
  francesca gail georgia geraldine gertrude gillian giselle gwen gwendolyn harriet hazel hilda
  hope ilyse imelda ingrid irene iris isabel isabella jacqueline jasmine jeanne jeannette jenna
  jenny joanne jocelyn josephine juanita judi june justine kamala karin katrina kay kayla kristen
  kristin kristina laurie leah leila lena leticia lillian lily lindsay loretta lorraine
  lucia lucille lydia mabel madison maggie malala mallory marcia margarita marianne marina marion
  marisa marjorie marlene maureen mavis maya meghan melanie melinda mercedes meredith mia mildred
  millie miranda miriam molly monica muriel myra nadia naomi natasha nell nina nora norma
  octavia olga paige patty pauline pearl peggy penelope phyllis polly priscilla rachael
  ramona renee rhonda roberta robyn rosalind rosemary roxanne sabrina sadie serena sheila sherry
  shonda sofia sophia sophie stacey stella sue susanna sylvia tamara tanya tara tina trisha
  ursula vanessa vera veronica vivian wanda whitney yolanda yvonne zoe
`);

/** The gender the words around and in a name give (title or office first, then the given name). */
export function genderOf(nameAndRoleWords: readonly string[], givenName?: string): Gender | null {
  for (const w of nameAndRoleWords) {
    const l = w.toLowerCase();
    if (MALE_TITLES.has(l)) return 'm';
    if (FEMALE_TITLES.has(l)) return 'f';
  }
  const given = (givenName ?? '').toLowerCase();
  if (MALE_NAMES.has(given)) return 'm';
  if (FEMALE_NAMES.has(given)) return 'f';
  return null;
}

/** A common given name ("Jean", "Brian"): told apart from a nationality that ends the same way ("Korean"). */
export function isGivenName(word: string): boolean {
  const l = word.toLowerCase();
  return MALE_NAMES.has(l) || FEMALE_NAMES.has(l);
}
