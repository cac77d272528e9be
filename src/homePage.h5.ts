/**
 * H5: 我的任务 (the home page) comes with the app's first scripts instead of after them: on a weak
 * signal that saves a round trip of a second before the clerk's list. Taro's router then finds the
 * page already loaded. (Taro builds this file for H5 only; homePage.ts stands in for it elsewhere.)
 */
import './pages/tasks/index';
