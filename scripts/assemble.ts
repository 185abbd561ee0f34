/**
 * `npm run assemble -- <shard> [<shard> …]`: copies the documents that other copies of this
 * project (the shards of a library) finished building into this one, so that `npm run build`
 * here keeps their pages and makes only the library's own pages and search index
 * (`src/lib/build/assemble.ts`, `docs/scaling.md`). Bad input is one line and status 1.
 */
import { assembleShards } from '../src/lib/build/assemble.ts';

const shards = process.argv.slice(2);
if (shards.length === 0) {
  console.error('assemble: name the shards to assemble: npm run assemble -- <shard> …');
  process.exitCode = 1;
} else {
  try {
    const copied = assembleShards(process.cwd(), shards);
    console.log(`assemble: copied ${copied.length} documents from ${shards.length} shards`);
  } catch (error) {
    console.error(error instanceof Error ? error.message.split('\n')[0] : String(error));
    process.exitCode = 1;
  }
}
