/** Reading the H5 address (pure: tested in Node). */

/** Whether the H5 address (its hash) opens 我的任务: the home page, or no page named. */
export function opensTaskList(hash: string): boolean {
  const route = hash.replace(/^#?\/?/, '').split('?')[0];
  return route === '' || route === 'pages/tasks/index';
}
