import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { StreamingBaselineRoute } from './types';

const CHUNK = 256 * 1024;

/**
 * The documents scenario by hand: the raw bytes of a file (no form, no type check, no encryption,
 * no audit) cut into 256 KiB rows of the same table in one transaction, and read back row by row.
 */
export const documentRoutes: readonly StreamingBaselineRoute[] = [
  {
    method: 'POST',
    path: '/documents/:caseId',
    streaming: true,
    async serve({ pool, params, incoming, outgoing }) {
      const client = await pool.connect();
      const id = randomUUID();
      const hash = createHash('sha256');
      const digests: Buffer[] = [];
      try {
        await client.query('BEGIN');
        let frame = Buffer.allocUnsafe(CHUNK);
        let filled = 0;
        let seq = 0;
        let size = 0;
        const insert = async (bytes: Buffer) => {
          hash.update(bytes);
          digests.push(createHash('sha256').update(bytes).digest());
          await client.query(
            'INSERT INTO case_document_chunk (document_id, seq, bytes) VALUES ($1, $2, $3)',
            [id, seq++, bytes],
          );
        };
        for await (const piece of incoming as AsyncIterable<Buffer>) {
          size += piece.length;
          let offset = 0;
          while (offset < piece.length) {
            const copied = piece.copy(frame, filled, offset);
            filled += copied;
            offset += copied;
            if (filled === CHUNK) {
              await insert(frame);
              frame = Buffer.allocUnsafe(CHUNK);
              filled = 0;
            }
          }
        }
        if (filled > 0) await insert(frame.subarray(0, filled));
        await client.query(
          `INSERT INTO case_document (id, case_id, filename, content_type, size, sha256, uploader_side,
             uploaded_by_sub, uploaded_by_role, store, storage_key, chunk_size, chunk_digests, wrapped_key)
           VALUES ($1::uuid, $2, 'bench.pdf', 'application/pdf', $3, $4, 'office', 'bench', 'ombudsman_officer',
             'postgres', $1::text, $5, $6, $7)`,
          [
            id,
            params.caseId,
            size,
            hash.digest('hex'),
            CHUNK,
            Buffer.concat(digests),
            randomBytes(60),
          ],
        );
        await client.query('COMMIT');
        outgoing.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  },
  {
    method: 'GET',
    path: '/documents/:id/content',
    streaming: true,
    async serve({ pool, params, outgoing }) {
      const [{ size }] = (
        await pool.query('SELECT size FROM case_document WHERE id = $1', [params.id])
      ).rows as { size: string }[];
      outgoing.writeHead(200, { 'content-type': 'application/pdf', 'content-length': size });
      for (let seq = 0; ; seq += 1) {
        const { rows } = await pool.query(
          'SELECT bytes FROM case_document_chunk WHERE document_id = $1 AND seq = $2',
          [params.id, seq],
        );
        if (rows.length === 0) break;
        if (!outgoing.write((rows[0] as { bytes: Buffer }).bytes))
          await new Promise((resolve) => outgoing.once('drain', resolve));
      }
      outgoing.end();
    },
  },
];
