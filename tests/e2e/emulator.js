// Starts the telegram-test-api Bot API emulator on 127.0.0.1 at a free port for the e2e tests.
// Prints one JSON line {"port": N} once it listens; exits when its standard input closes
// (the test process ended) or on SIGTERM/SIGINT, so it never outlives the test run.
'use strict';

const TelegramServer = require('telegram-test-api');

async function main() {
  const server = new TelegramServer({
    host: '127.0.0.1',
    storeTimeout: 24 * 60 * 60, // keep every message for the whole run
  });
  server.config.port = 0; // its own default turns 0 into 9000; 0 asks the system for a free port
  await server.start();
  const { port } = server.server.address();
  process.stdout.write(`${JSON.stringify({ port })}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`emulator failed to start: ${error && error.stack}\n`);
  process.exit(1);
});
