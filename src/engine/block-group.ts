// Blocks that live and die together: a problem's resident arrays, allocated as one.
interface Freeable {
  free(): void;
}

/**
 * The blocks `make` allocates (each passed through `keep`), with one free() for them all. If an
 * allocation fails, the blocks already made are freed before the error goes on.
 */
export function allocateGroup<T>(make: (keep: <B extends Freeable>(block: B) => B) => T): T & Freeable {
  const blocks: Freeable[] = [];
  const keep = <B extends Freeable>(block: B): B => {
    blocks.push(block);
    return block;
  };
  const free = () => blocks.forEach((block) => block.free());
  try {
    return { ...make(keep), free };
  } catch (error) {
    free();
    throw error;
  }
}
