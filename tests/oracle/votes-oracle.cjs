// Counts elections with the "votes" npm package (an independent implementation) so that
// Plenum's Schulze, ranked pairs and Borda can be compared with it (tests/Plenum.Counting.Tests/Oracles).
//
// stdin:  [{ "method": "schulze" | "ranked-pairs" | "borda",
//            "candidates": ["A", "B", ...],
//            "ballots": [{ "ranking": [["A"], ["B", "C"]], "weight": 3 }, ...] }, ...]
// stdout: [{ "scores": { "A": 2, ... }, "ranking": [["A"], ["B", "C"]], "pairwise": [[...]] }, ...]
//         in input order; "pairwise" (the package's own d[a][b] matrix) only for the matrix methods.
// One process counts the whole batch, which keeps the tests fast.
'use strict';

const fs = require('fs');
const path = require('path');
const { Schulze, RankedPairs, Borda, utils } = require(path.join(__dirname, 'node_modules', 'votes'));

function count(election) {
  const { method, candidates, ballots } = election;
  switch (method) {
    case 'schulze': {
      // Schulze reads winning votes from the plain pairwise matrix (d[a][b] if d[a][b] > d[b][a]).
      const matrix = utils.matrixFromBallots(ballots, candidates);
      return described(new Schulze(matrix), matrix);
    }
    case 'ranked-pairs': {
      // The package's ranked pairs locks every positive entry of the matrix it is given, so it needs
      // the antisymmetric (margins) matrix; given the plain one it would lock both directions of a pair.
      const matrix = utils.matrixFromBallots(ballots, candidates);
      return described(new RankedPairs(utils.makeAntisymetric(matrix)), matrix);
    }
    case 'borda':
      return described(new Borda({ candidates, ballots }), null);
    default:
      throw new Error(`unknown method '${method}'`);
  }
}

function described(system, matrix) {
  const result = { scores: system.scores(), ranking: system.ranking() };
  if (matrix) result.pairwise = matrix.array;
  return result;
}

const elections = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(elections.map(count)));
