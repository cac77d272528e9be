/**
 * Nothing in the mini-program, where every page is its own file already: the H5 build takes
 * homePage.h5.ts instead, which brings the home page with the app's first scripts.
 */
export {};
