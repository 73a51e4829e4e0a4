import { promisify } from 'node:util';
import yauzl from 'yauzl';

export interface ZipEntry {
  bytes: Buffer;
  /** 0: stored, 8: deflated. */
  compressionMethod: number;
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error != null || stream == null) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Every entry of a zip held in memory, by name, checked against its CRC by yauzl as it reads. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, ZipEntry>> {
  const open = promisify<Buffer, yauzl.Options, yauzl.ZipFile>(yauzl.fromBuffer);
  const zip = await open(Buffer.from(bytes), { lazyEntries: true, strictFileNames: true });
  const entries = new Map<string, ZipEntry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      readEntry(zip, entry)
        .then((data) => {
          entries.set(entry.fileName, { bytes: data, compressionMethod: entry.compressionMethod });
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}
