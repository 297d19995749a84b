import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

// What the page waits for is real (a server over HTTP, chunks compiled on first use): on two busy cores the first
// page of a file takes seconds. A wait still ends the moment its condition holds.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// Preact runs effects and their clean-ups after a frame (a 100 ms timer under jsdom, which has no frames): let the
// last ones run while the window still exists.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));
