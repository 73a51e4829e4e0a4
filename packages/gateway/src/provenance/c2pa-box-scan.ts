import { open } from 'node:fs/promises';

/** The BMFF `uuid` box user type C2PA stores its manifest store under. */
const c2paBoxUuid = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex');

/** A real MP4 has a handful of top-level boxes; past this the file is not one. */
const maxTopLevelBoxes = 10_000;

/**
 * Whether the file's top-level boxes include a C2PA manifest box. Reads box headers only, so
 * it is cheap on any size: it tells "a manifest is there but unreadable" (tampered) from "no
 * manifest" (unsigned) when the C2PA reader itself fails on a file.
 */
export async function hasC2paBox(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(32);
    let offset = 0;
    for (let index = 0; index < maxTopLevelBoxes && offset + 8 <= fileSize; index += 1) {
      const { bytesRead } = await handle.read(header, 0, 32, offset);
      if (bytesRead < 8) return false;
      let boxSize = header.readUInt32BE(0);
      let headerSize = 8;
      if (boxSize === 1) {
        if (bytesRead < 16) return false;
        boxSize = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (boxSize === 0) {
        boxSize = fileSize - offset;
      }
      if (boxSize < headerSize) return false;
      const type = header.toString('latin1', 4, 8);
      const userType = header.subarray(headerSize, headerSize + 16);
      if (type === 'uuid' && userType.equals(c2paBoxUuid)) return true;
      offset += boxSize;
    }
    return false;
  } finally {
    await handle.close();
  }
}
