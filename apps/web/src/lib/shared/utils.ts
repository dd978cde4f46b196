import { type ClassValue, clsx } from 'clsx'
import { twMerge } from 'tailwind-merge'

/** Conditional class names, with later Tailwind utilities overriding earlier conflicting ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs))
}
