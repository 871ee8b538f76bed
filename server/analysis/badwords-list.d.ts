declare module "badwords-list/lib/array" {
  /** English profanity, lower case; a few entries are two-word phrases. */
  const words: string[];
  export default words;
}
