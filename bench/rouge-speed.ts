// Speed of the summariser over every document of the sets, after a warm-up pass. CPU time of this
// process, because wall time on a shared machine measures the neighbours too.
import { performance } from 'node:perf_hooks';
import { summarise } from '../src/briefings/summarise';
import { layOut } from './layouts';
import type { EvalSet } from './rouge.eval';

export function speedLine(sets: EvalSet[], passes = 3): string {
  const everything = sets.flatMap((s) => s.docs.map((d) => layOut(d, s.native)));
  for (const d of everything) summarise(d, 3);
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let p = 0; p < passes; p++) for (const d of everything) summarise(d, 3);
  const cpu = process.cpuUsage(cpu0);
  const runs = passes * everything.length;
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  const wallMs = (performance.now() - wall0) / runs;
  return (
    `Speed: ${cpuMs.toFixed(3)} ms CPU per article (${wallMs.toFixed(3)} ms wall), ${passes} passes over ` +
    `${everything.length} articles as given, sentences already split: 100,000 articles ≈ ${((cpuMs * 100_000) / 1000).toFixed(0)} s of CPU.`
  );
}
