// A scheduler on a temp database, a fake channel and the (fake-timer) clock: one "process" of the bot.
import os from 'node:os';
import { Deliverer } from '../../../src/schedule/deliver';
import { BriefingScheduler } from '../../../src/schedule/scheduler';
import { ScheduleService } from '../../../src/schedule/service';
import type { Store } from '../../../src/store/store';
import { FakePort } from './fake-port';
import { FakeLibrary, fakeRenderer, silentLogger } from './fakes';

export interface BotProcess {
  scheduler: BriefingScheduler;
  deliverer: Deliverer;
  service: ScheduleService;
  stop(): Promise<void>;
}

export function startProcess(
  store: Store,
  port: FakePort,
  opts: { owner?: string; library?: FakeLibrary; ownsGuild?: (g: string) => boolean; leaseMs?: number } = {},
): BotProcess {
  const owner = opts.owner ?? `${os.hostname()}/${process.pid}/${Math.random().toString(36).slice(2, 8)}`;
  const now = () => new Date();
  const library = opts.library ?? new FakeLibrary(40);
  const deliverer = new Deliverer({ store, library, port, render: fakeRenderer, owner, now, logger: silentLogger, retryDelaysMs: [1000, 2000] });
  const scheduler = new BriefingScheduler({
    store,
    deliverer,
    owner,
    ownsGuild: opts.ownsGuild ?? (() => true),
    now,
    logger: silentLogger,
    leaseMs: opts.leaseMs,
  });
  const service = new ScheduleService({ store, library, port, deliverer, scheduler, now });
  scheduler.start();
  return { scheduler, deliverer, service, stop: () => scheduler.stop() };
}

/** Lets a start-up tick run to completion under fake timers. */
export async function startUp(p: BotProcess): Promise<void> {
  await p.scheduler.tick('start');
}
