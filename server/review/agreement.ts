/**
 * Agreement between the first and the second verdict of items reviewed twice. Reviewers vary
 * from item to item, so the two positions (first review, second review) act as the two raters
 * of Cohen's kappa. Percent agreement is reported beside it.
 */

export interface VerdictPair {
  first: "pass" | "fail";
  second: "pass" | "fail";
}

export interface AgreementSummary {
  method: "cohens_kappa";
  itemCount: number;
  agreeCount: number;
  /** Share of items whose two verdicts agree, 0 to 1; null without items. */
  percentAgreement: number | null;
  /** Cohen's kappa on pass/fail; null without items or when chance agreement is 1 (both
   * positions gave one verdict only), where kappa is undefined. */
  cohensKappa: number | null;
}

export function summarizeAgreement(pairs: VerdictPair[]): AgreementSummary {
  const itemCount = pairs.length;
  const agreeCount = pairs.filter((pair) => pair.first === pair.second).length;
  if (itemCount === 0) {
    return {
      method: "cohens_kappa",
      itemCount,
      agreeCount,
      percentAgreement: null,
      cohensKappa: null,
    };
  }
  const observed = agreeCount / itemCount;
  const firstPass = pairs.filter((pair) => pair.first === "pass").length / itemCount;
  const secondPass = pairs.filter((pair) => pair.second === "pass").length / itemCount;
  const chance = firstPass * secondPass + (1 - firstPass) * (1 - secondPass);
  const cohensKappa = chance === 1 ? null : (observed - chance) / (1 - chance);
  return { method: "cohens_kappa", itemCount, agreeCount, percentAgreement: observed, cohensKappa };
}
