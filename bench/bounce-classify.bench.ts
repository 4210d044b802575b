import { classifyInbound } from '@relance/mail/classification';
import { parseInboundMail, type InboundMail } from '@relance/mail/inbound-mail';
import { BOUNCE_CORPUS } from '../tests/corpus/bounces/corpus';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import { Interrupted, percentile } from './support/measure';
import { count, perSecond, type BenchOutcome } from './support/report';

/**
 * Our own yardstick (the issue names none): reading what a bounce means should cost no more than
 * parsing it, so parse + classify runs at least half as fast as the parse alone.
 */
const GOAL_RATIO = 0.5;

/**
 * The bounce corpus (tests/corpus/bounces) read n times over, one message after the other as
 * the mailbox sync reads them: parse + classifyInbound → messages/s. The limit, measured in the
 * same run on the same messages (rounds alternating), is the bare parse (parseInboundMail alone), so the ratio says
 * what classification costs on top of parsing. The notes give classification alone and the
 * slowest message (its median over the rounds). It uses none of the services; nothing here
 * fails on a number.
 */
export const bounceClassify: Benchmark = {
  name: 'bounces',
  title: 'bounce classification',
  defaultN: 20,
  size: (n) => `${count(n)} × ${count(BOUNCE_CORPUS.length)} messages`,
  run,
};

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { signal, cpu } = context;
  const messages = BOUNCE_CORPUS.map((message) => ({ name: message.name, raw: Buffer.from(message.raw, 'utf8') }));
  // Warm-up: the JIT and mailparser's lazy modules, on both sides, before any clock starts.
  for (const message of messages) classifyInbound(await parseInboundMail(1, message.raw));

  const before = cpu.snapshot();
  // Rounds alternate between the two, so that a machine busy with something else slows both alike.
  let parseMs = 0;
  let fullMs = 0;
  for (let round = 0; round < n; round += 1) {
    parseMs += await timeRounds(1, signal, async () => {
      for (const message of messages) await parseInboundMail(1, message.raw);
    });
    fullMs += await timeRounds(1, signal, async () => {
      for (const message of messages) classifyInbound(await parseInboundMail(1, message.raw));
    });
  }
  const cpuLine = cpu.describe(before, cpu.snapshot());

  const parsed: InboundMail[] = [];
  for (const message of messages) parsed.push(await parseInboundMail(1, message.raw));
  const perMessage = parsed.map(() => [] as number[]);
  const classifyMs = await timeRounds(n, signal, async () => {
    parsed.forEach((mail, index) => {
      const started = performance.now();
      classifyInbound(mail);
      perMessage[index].push(performance.now() - started);
    });
  });

  const total = n * messages.length;
  const fullRate = total / (fullMs / 1000);
  const parseRate = total / (parseMs / 1000);
  const medians = perMessage.map((times) => percentile(times, 50));
  const slowest = medians.reduce((worst, ms, index) => (ms > medians[worst] ? index : worst), 0);
  const ratio = fullRate / parseRate;
  return {
    rows: [
      {
        benchmark: 'bounces: parse + classify',
        size: `${count(total)} messages`,
        measured: `${perSecond(fullRate)} msg/s`,
        limit: `${perSecond(parseRate)} msg/s parse alone`,
        ratio,
        goal: `≥ ${GOAL_RATIO}×`,
        meetsGoal: ratio >= GOAL_RATIO,
      },
    ],
    notes: [
      `classifyInbound alone (messages parsed beforehand): ${perSecond(total / (classifyMs / 1000))} msg/s, median ${ms(percentile(medians, 50))} per message`,
      `slowest message to classify: "${messages[slowest].name}", ${ms(medians[slowest])} (median of ${count(n)} rounds)`,
      `corpus: ${count(messages.length)} messages, ${count(messages.reduce((sum, message) => sum + message.raw.length, 0))} bytes; CPU ${cpuLine}`,
    ],
  };
}

/** Milliseconds for `rounds` calls of `round`, checking for Ctrl-C between rounds. */
async function timeRounds(rounds: number, signal: AbortSignal, round: () => Promise<void>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < rounds; index += 1) {
    if (signal.aborted) throw new Interrupted();
    await round();
  }
  return performance.now() - started;
}

function ms(value: number): string {
  return value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(0)} µs`;
}
