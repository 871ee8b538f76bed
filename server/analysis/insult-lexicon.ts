/**
 * Words and phrases that insult or dismiss the reader, which the profanity list leaves out
 * ("stupid", "idiot"). Written for Driftwatch and released under the project's MIT licence.
 * Lower case; phrases are matched as substrings of the lower-cased text.
 */
export const INSULT_WORDS: readonly string[] = [
  "idiot",
  "idiots",
  "idiotic",
  "stupid",
  "dumb",
  "moron",
  "moronic",
  "imbecile",
  "pathetic",
  "loser",
  "losers",
  "worthless",
  "useless",
  "incompetent",
  "clueless",
  "garbage",
  "trash",
  "dimwit",
  "halfwit",
  "lame",
  "ignorant",
];

export const INSULT_PHRASES: readonly string[] = [
  "shut up",
  "waste of my time",
  "figure it out yourself",
  "nobody cares",
  "get lost",
];
