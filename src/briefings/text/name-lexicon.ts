// Word lists about names and the roles written around them, shared by name reading (text/names)
// and quote attribution: offices and titles, organisation and place words, words never a name.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Offices and titles: they make the words before a name a role, not part of the name. */
export const OFFICE_WORDS = words(`
  president vice secretary minister prime chancellor senator sen sen. sens rep rep. reps
  representative congressman congresswoman governor gov gov. mayor speaker leader chairman
  chairwoman chair director spokesman spokeswoman spokesperson aide adviser advisor envoy
  ambassador host anchor commentator analyst economist professor prof prof. dr dr. mr mr. mrs
  mrs. ms ms. miss gen gen. general lt lt. col col. colonel captain capt capt. judge justice
  attorney lawyer candidate nominee official chief executive ceo founder strategist manager
  pollster reporter correspondent editor columnist author commissioner sheriff officer deputy
  assistant counsel press state head superintendent king queen prince princess pope rev rev.
  reverend father sir lord dame councilman councilwoman councillor councilor delegate activist billionaire
  businessman businesswoman mogul actor actress singer rapper coach presidential
  son-in-law daughter son wife husband brother sister mother daughter-in-law adm adm.
  admiral sergeant sgt sgt. treasurer comptroller lieutenant sec sec. amb amb. cardinal rabbi
  imam bishop emir sheikh sultan premier president-elect co-founder chairperson staffer
  operative surrogate consultant researcher scientist expert pastor boss moderator
  constituent member supporter voter delegate organizer organiser del. doctor physician
  historian surgeon neurosurgeon teacher student writer blogger comedian musician chef
  pastor priest nun veteran lawmaker legislator economist entrepreneur investor rival ally
`);

/** Lower-case words that may sit inside a role before a name ("top Russian presidential aide"). */
export const ROLE_MODIFIERS = words(`
  top senior former special chief deputy vice acting assistant foreign defense defence
  national security campaign press communications economic diplomatic presidential political
  military interior finance trade health justice state federal regional local longtime
  long-time then-candidate then current interim incoming outgoing republican democratic
  conservative liberal independent white house policy legal general executive managing
  principal lead senior-most veteran fellow rival opposition party news television radio
  talk show cable nominee candidate hopeful front-runner frontrunner prime
`);

/** Capitalised words that mark an organisation or place, not a person. */
export const ORG_WORDS = words(`
  ministry department office agency committee party government police army court council
  commission embassy administration kremlin cabinet company group organization organisation
  network board bureau service union coalition senate congress house parliament news times
  post journal tribune herald guardian telegraph press institute university college school
  center centre foundation association society club bank fund inc inc. corp corp. ltd llc
  co. media radio television tv magazine review gazette daily weekly nations league
  federation alliance council pentagon kremlin states republic kingdom city county convention
  conference caucus
  street square hall church hospital airport station agency reuters afp ap bloomberg cnn nbc
  cbs abc msnbc fox npr pbs bbc politico breitbart
`);

/** Capitalised words that start places ("East Timor", "New York"), not given names. */
export const PLACE_FIRST_WORDS = words(`
  east west north south new united san santa los las saint st st. hong sri costa puerto
  el la port fort mount mt great upper lower central northern southern eastern western
  middle gulf lake cape rio
`);

/** Capitalised words that are never names: openers, days, months. */
export const NOT_NAMES = words(`
  the a an this that these those it its he she they we i you his her their our my in on at
  for with by from to of and but or if when while after before as since though although
  because so yet still however meanwhile also then there here what who why how where which
  monday tuesday wednesday thursday friday saturday sunday january february march april may
  june july august september october november december apart asked according
  some many most all both each every no not one two three several few more less last next
  earlier later today yesterday tomorrow tonight once now even despite among until unless
  during over under about like just only why yes okay ok oh well nobody everybody somebody anybody
  everyone someone anyone
  soon following regarding concerning including considering excluding unlike amid amidst instead
  indeed perhaps finally eventually suddenly initially ultimately afterwards afterward
`);

/** Words that open a description of a speaker ("the", "a", "his"). */
export const DETERMINERS = words('the a an his her their its our this that these those one another');
