// The memory of a process and every process under it, together: what a host must hold while a build runs, at most
// (the pages they share, such as libraries, count once for each). GNU time's figure is the largest single process;
// a Papershelf build runs Pagefind beside itself while pages render.
import { readFileSync, readdirSync } from 'node:fs';

/** Samples the summed RSS of `pid` and its descendants until stopped; `stop` gives the peak in MB (Linux's /proc). */
export function sampleTreeRss(pid: number, intervalMs = 250): { stop: () => number } {
  let peakKb = 0;
  const sample = () => {
    peakKb = Math.max(peakKb, treeRssKb(pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

/** Summed VmRSS (kB) of a process and all its descendants, now. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${name}/status`, 'utf8');
    } catch {
      continue; // It ended while the list was read.
    }
    const pid = Number(name);
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
    rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0));
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}
