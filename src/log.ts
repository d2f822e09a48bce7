// The run's log. In Actions it is workflow commands (groups, warnings, masks: src/io/runner.ts);
// the CLI switches it to plain terminal lines once, before a mode runs, instead of rewriting stdout.
import * as runner from './io/runner.js';

export interface LogSink {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

const actionsSink: LogSink = {
  info: message => runner.info(message),
  debug: message => runner.debug(message),
  notice: message => runner.notice(message),
  warning: message => runner.warning(message),
  group: (name, fn) => runner.group(name, fn)
};

/** Plain lines for a terminal: groups as headings, debug only with RUNNER_DEBUG=1. */
export function terminalSink(
  write: (text: string) => void,
  showDebug = process.env.RUNNER_DEBUG === '1'
): LogSink {
  return {
    info: message => write(`${message}\n`),
    debug: message => {
      if (showDebug) write(`debug: ${message}\n`);
    },
    notice: message => write(`notice: ${message}\n`),
    warning: message => write(`warning: ${message}\n`),
    group: async (name, fn) => {
      write(`== ${name}\n`);
      return fn();
    }
  };
}

let sink: LogSink = actionsSink;

/** Where every later log line goes (the CLI's terminal); the default is the Actions log. */
export function setLogSink(next: LogSink): void {
  sink = next;
}

export const log: LogSink = {
  info: message => sink.info(message),
  debug: message => sink.debug(message),
  notice: message => sink.notice(message),
  warning: message => sink.warning(message),
  group: (name, fn) => sink.group(name, fn)
};
