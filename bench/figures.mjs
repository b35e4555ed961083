// How the browser benchmarks print their measures: one "figure" line each,
// with the median and 95th percentile of the samples.

// The value below which p percent of `values` lie (nearest rank).
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value) => value.toFixed(2).padStart(8);

// Prints "figure NAME p50 X ms p95 Y ms (n=N)" for samples in milliseconds.
export function figure(name, values) {
  console.log(`figure ${name.padEnd(28)} p50 ${ms(percentile(values, 50))} ms p95 ${ms(percentile(values, 95))} ms (n=${values.length})`);
}
