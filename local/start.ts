/**
 * npm start: builds the H5 app if it is missing or stale and serves it on one port.
 * (The API, uploads and demo data join this server with the back end.)
 */
import { createServer } from 'http';
import { ensureH5Build, H5_DIR } from './h5Build';
import { serveStatic } from './staticFiles';

const port = Number(process.env.PORT ?? 10086);
ensureH5Build();
const server = createServer((request, response) => serveStatic(H5_DIR, request, response));
server.listen(port, '127.0.0.1', () => {
  console.log(`法治政府建设任务清单已启动：http://127.0.0.1:${port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
