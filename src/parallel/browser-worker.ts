// The Web Worker module that simulateInWorker starts (browser.ts).
import { serveWorker } from "./browser.js";

serveWorker();
