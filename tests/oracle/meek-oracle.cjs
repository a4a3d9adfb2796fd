// Counts Meek STV elections with meeks-prf-js (the PRF reference rule's JavaScript implementation),
// so Plenum's MeekCount can be compared with it (tests/Plenum.Counting.Tests/Oracles).
//
// stdin:  a JSON array of contests in the package's own input schema (the one its CLI,
//         `node node_modules/meeks-prf-js input.json results.json`, reads; "include" is not supported).
// stdout: a JSON array, in input order, of { "elected", "status", "tally" } like the CLI's results file,
//         except that every vote count and keep factor is an exact decimal string: the CLI writes
//         them as JSON numbers through doubles, which can lose the 9th decimal on large totals.
//         A contest the package refuses gives { "error": message } instead.
// The arguments are built exactly as the CLI builds them (with_json.js buildTabulateArgs);
// one process counts the whole batch, which keeps the tests fast.
'use strict';

const fs = require('fs');
const path = require('path');
const packageDir = path.join(__dirname, 'node_modules', 'meeks-prf-js', 'run');
const Meek = require(path.join(packageDir, 'meek.js'));

function tabulate(spec) {
  const ballots = (spec.ballots || []).concat(spec.ballotsMore || []);
  const results = new Meek.Tabulation(
    spec.nbrSeatsToFill, spec.candidates, ballots, spec.maxRankingLevels, spec.tieBreaker,
    spec.excluded || [], spec.protected || [], spec.options || {}).tabulate();
  return {
    elected: Array.from(results.elected),
    status: Object.values(results.statuses).map(s => s.asArray().map(exact)),
    tally: Object.fromEntries(Object.entries(results.tally).map(([key, values]) => [key, values.map(exact)])),
  };
}

// Decimal9.toString() gives every decimal the package holds; plain numbers (rounds, iterations) stay numbers.
function exact(value) {
  return value !== null && typeof value === 'object' ? value.toString() : value;
}

function tabulateOrReport(spec) {
  try {
    return tabulate(spec);
  } catch (e) {
    return { error: `${e.name}: ${e.message}` };
  }
}

const contests = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(contests.map(tabulateOrReport)));
