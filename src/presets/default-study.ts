// The default study (`npm start`): the headline results (the Feng phase transition and its
// self-consuming loop, the Amin arms, the Shumailov Gaussian) and then the two companion
// presets, at full size (under half a minute on two cores), each into its own directory under
// results/ with one combined report.
export interface DefaultStudyPart {
  preset: string;
  /** --set overrides that size the preset down. */
  overrides: string[];
}

export const defaultStudy: readonly DefaultStudyPart[] = [
  { preset: "feng-phase-transition", overrides: [] },
  { preset: "feng-collapse-loop", overrides: [] },
  { preset: "amin-arms", overrides: [] },
  { preset: "shumailov-gaussian", overrides: [] },
  { preset: "feng-verifier-quality", overrides: [] },
  { preset: "amin-rate", overrides: [] },
];
