// Generators and verifiers are set by a signed angle in degrees from mu_vec = mu e1 towards e2
// (the convention of docs/theory/verified-mixture.md): their unit direction lies in span{e1, e2}. Both methods and
// the closed forms take it from here, so they turn the angle into the same bits.

/** The unit vector at `degrees` from e1 towards e2, as its (e1, e2) coordinates (cos, sin). */
export function planeDirection(degrees: number): [cos: number, sin: number] {
  const radians = (degrees * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}
