// The default study (`npm start`): the two headline results (the Feng phase transition and
// the Amin arms) and then the two companion presets, at full size (about half a minute on two
// cores), each into its own directory under results/ with one combined report.
export interface DefaultStudyPart {
  preset: string;
  /** --set overrides that size the preset down. */
  overrides: string[];
}

export const defaultStudy: readonly DefaultStudyPart[] = [
  { preset: "feng-phase-transition", overrides: [] },
  { preset: "amin-arms", overrides: [] },
  { preset: "feng-verifier-quality", overrides: [] },
  { preset: "amin-rate", overrides: [] },
];
