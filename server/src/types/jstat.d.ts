// jstat ships no type declarations; statistics.ts narrows the one object it uses.
declare module 'jstat';
