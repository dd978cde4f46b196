import { createHash } from 'node:crypto'

/** A stable number in [0, 1) from a string: the same id always lands in the same bucket, on any machine. */
export function hashUnit(value: string): number {
  return createHash('sha256').update(value).digest().readUInt32BE(0) / 0x1_0000_0000
}

export type Split = 'train' | 'validation'

/**
 * Deterministic train/validation assignment by the hash of the example's id (its trace id): adding new
 * reviews never moves an existing example to the other side, so validation scores stay comparable.
 */
export function splitOf(id: string, validationShare: number): Split {
  return hashUnit(`split:${id}`) < validationShare ? 'validation' : 'train'
}
