// A throwaway PostgreSQL cluster for a whole test run (.ci/run):
//   tsx scripts/pg-cluster.ts start   prints `export MARSAD_TEST_PG=…` and `export MARSAD_TEST_PG_DIR=…`
//   tsx scripts/pg-cluster.ts stop    stops the cluster of $MARSAD_TEST_PG_DIR and removes it
import { startCluster, stopCluster } from '../test/support/postgres.ts';

const [command] = process.argv.slice(2);
if (command === 'start') {
  const { url, dir } = await startCluster();
  process.stdout.write(`export MARSAD_TEST_PG='${url}'\nexport MARSAD_TEST_PG_DIR='${dir}'\n`);
} else if (command === 'stop') {
  const dir = process.env.MARSAD_TEST_PG_DIR;
  if (!dir) throw new Error('MARSAD_TEST_PG_DIR is not set: nothing to stop');
  stopCluster(dir);
} else {
  process.stderr.write('usage: tsx scripts/pg-cluster.ts start|stop\n');
  process.exitCode = 2;
}
