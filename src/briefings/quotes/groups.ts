// Peoples, faiths and political camps written as capitalised plurals ("Mexicans", "Young Latinos",
// "Rohingya Muslims"): a group of people, never one person, so never what "he" or "she" means.

const GROUP_PLURALS = new Set(
  `
  americans mexicans latinos latinas hispanics canadians cubans venezuelans haitians brazilians
  europeans africans asians arabs kurds syrians iraqis iranians afghans israelis palestinians
  russians ukrainians germans italians poles brits britons chinese japanese koreans vietnamese
  filipinos pakistanis somalis nigerians texans californians floridians iowans
  muslims christians jews catholics evangelicals protestants mormons hindus sikhs buddhists
  democrats republicans conservatives liberals progressives libertarians independents
  millennials whites blacks immigrants refugees
`
    .trim()
    .split(/\s+/),
);

/** A name that ends in a group plural ("Young Latinos", "Chinese"): the words name a group. */
export function isGroupName(name: string): boolean {
  const last = name.split(/\s+/).pop() ?? '';
  return GROUP_PLURALS.has(last.replace(/[’']s?$/, '').toLowerCase());
}
