// jsdom (the web tests' DOM) ships no type declarations: typed here as the one thing these tests use, a parser.
// @ts-expect-error no declarations for jsdom in this project
import { JSDOM } from 'jsdom';

const parser: DOMParser = new (new JSDOM('') as { window: { DOMParser: new () => DOMParser } }).window.DOMParser();

/** A whole HTML document, parsed as a browser would. */
export const parseHtml = (html: string): Document => parser.parseFromString(html, 'text/html');
