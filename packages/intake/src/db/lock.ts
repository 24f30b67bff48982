import { open, readFile, unlink } from 'node:fs/promises';

/**
 * An exclusive lock on the data folder. PGlite takes no lock of its own, and two processes
 * opening one PGlite folder corrupt it, so the first process writes its pid into a lock file
 * created with O_EXCL; the next one is refused while that pid is alive. A lock left by a
 * killed process (its pid gone) is taken over.
 */
export interface FolderLock {
  release(): Promise<void>;
}

export class FolderLockedError extends Error {
  override name = 'FolderLockedError';
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(`Thư mục dữ liệu đang được tiến trình ${pid} dùng (${file}) / the data folder is in use by process ${pid}`);
  }
}

function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockFolder(file: string): Promise<FolderLock> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.sync();
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (alive(holder) && holder !== process.pid) throw new FolderLockedError(file, holder);
      if (holder === process.pid) throw new FolderLockedError(file, holder);
      // Stale: the process that held it is gone.
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`Không lấy được khóa ${file} / could not take the lock ${file}`);
}
