/** `npm run bench`: prints the benchmark figures. */
import { benchParse } from './bench/parse.ts';

console.log('Parse');
console.table(benchParse());
