/** Types of shapes.mjs (imported by test/reliability/big-input.test.ts). */
export type Make = (n: number) => string;
export declare function vmxText(n: number, eol?: string): string;
export declare const BIG: Record<string, {from: number; make: Make}>;
export declare const ODD_LINES: Record<string, Make>;
export declare const ODD_LINE_FROM: number;
export declare const ODD_FILES: Record<string, Make>;
export declare const ODD_FILE_FROM: number;
export declare const PIPES: Make;
export declare const PIPES_FROM: number;
