// Weak data with a model that generalizes: the softmax model (this project's stand-in for the
// paper's one model trained on all prompts) under every arm, from a sharply peaked start and a
// flat one, judged on held-out prompts.
import * as weakData from "../scenarios/weak-data/index.js";
import { definePreset } from "./preset.js";

export const aminGeneralization = definePreset(weakData, {
  name: "amin-generalization",
  title: "Weak data and generalization: this project's softmax model under every arm, from a peaked and a flat start, on held-out prompts",
  source:
    "Amin, Babakniya, Bie, Kong, Syed, Vassilvitskii, \"Escaping Collapse: The Strength of Weak Data for Large Language Model Training\", NeurIPS 2025, arXiv:2502.08924 (one model trained on all prompts, held-out accuracy)",
  description:
    "The paper trains one model on all prompts and reports held-out accuracy; a table of per-prompt distributions cannot generalize. Here one softmax model p(j|x) = softmax(W x)_j over 16 features of 4000 training prompts, with 8 responses, the correct one named by a random teacher, is refit each round by 30 gradient steps on its curated pairs and judged on 4000 held-out prompts it never sees curated. The model, its teacher and all its parameters are this project's. From a sharply peaked start (initialScale 8) sampling rarely finds the answer of a prompt the model gets wrong: filtering and resampling stall, and weak labels (beta = 0.3, most of them wrong) lift held-out top-1 far above them, hardest-first the most: the paper's point. From a flat start (initialScale 1) sampling finds the answers: filtering alone reaches the best held-out accuracy and the mostly wrong labels cost some of it. Without curation nothing improves.",
  spec: {
    params: {
      model: "softmax",
      prompts: 4000,
      testPrompts: 4000,
      responses: 8,
      features: 16,
      samples: 4,
      // Without kind: the filter of the arms that filter (no-curation does not).
      filter: { gamma: 0, rho: 0 },
      labeler: { beta: 0.3, budget: 0.25 },
      initialAlignment: 0.3,
      steps: 30,
      learningRate: 1,
      ridge: 0.001,
    },
    grid: {
      initialScale: [8, 1],
      arm: ["no-curation", "filter-only", "filter+resample", "filter+uniform", "filter+proportional", "filter+hardest", "replace-rejected"],
    },
    generations: 10,
    seeds: 4,
    seed: 2505,
  },
  plot: {
    x: "generation",
    series: ["arm"],
    facet: "initialScale",
    metrics: ["testAccuracy", "testTop1", "accuracy", "labelsTotal"],
    title: "this project's softmax model, not the paper's experiments",
  },
});
