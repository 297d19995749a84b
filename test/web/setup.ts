import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// Preact runs effects and their clean-ups after a frame (a 100 ms timer under jsdom, which has no frames): let the
// last ones run while the window still exists.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));
