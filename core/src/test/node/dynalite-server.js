// Starts dynalite, in memory, on 127.0.0.1 and a port the system picks, and prints that port.
// Tables are ACTIVE at once (no CREATING delay). The process exits when its standard input closes,
// so it dies with the JVM that started it, even one killed with SIGKILL.
'use strict';
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  console.log('dynalite listening on port ' + server.address().port);
});
server.on('error', (e) => {
  console.error('dynalite failed: ' + e.message);
  process.exit(1);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
