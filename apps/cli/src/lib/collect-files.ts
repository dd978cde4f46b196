import { constants } from 'node:fs'
import { access, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { UserFacingError } from '@policydesk/runtime'

/** Expands files and directories (recursively, skipping dotfiles) into a sorted list of files. */
export async function collectFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = []
  for (const input of inputs) {
    const resolved = path.resolve(input)
    const info = await stat(resolved).catch(() => null)
    if (!info) throw new UserFacingError(`No such file or directory: ${input}`)
    if (info.isDirectory()) files.push(...(await walk(resolved)))
    else if (info.isFile()) files.push(resolved)
    else throw new UserFacingError(`Not a regular file or directory: ${input}`)
  }
  if (files.length === 0) throw new UserFacingError(`No files found in ${inputs.join(', ')}`)
  return [...new Set(files)].sort()
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const out: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(full)))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

export async function isReadable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    () => true,
    () => false,
  )
}
