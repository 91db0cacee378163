// The Markdown side of Papershelf, for sites and tools that run unified themselves.
export { default as remarkTexMath } from './remark-tex-math.ts';
export { default as rehypeMathReport, type MathReportOptions } from './rehype-math-report.ts';
export { default as rehypeKatexPerPaper } from './rehype-katex-per-paper.ts';
export { papershelfRemarkPlugins, papershelfRehypePlugins, type MarkdownPipelineOptions } from './pipeline.ts';
export { splitTex, hasTex, texToPlainText, decodeTextEscapes, type TexSegment } from './tex-segments.ts';
export { readableTex, texToReadableText } from '../text/readable-tex.ts';
export { renderInlineTex } from './render-inline-tex.ts';
export { escapeHtml } from './escape-html.ts';
export { default as rehypeSearchableMath, searchableMathHtml } from './searchable-math.ts';
export { katexOptions, type KatexMacros } from './katex-options.ts';
export { renderTex, type TexResult, type RenderTexOptions } from './render-tex.ts';
export { formatMathReport } from './math-report.ts';
export { readMathMarks, mathMarkAttributes, mathMarkProperties, markSource, type MathMark } from './math-marks.ts';
