/**
 * Incremental technical indicators: each one consumes one bar (or price) per {@code update} in
 * O(1) time, or amortised O(1) for {@link com.quantdesk.core.indicator.Donchian}, and allocates
 * nothing after construction. (After a price jump beyond its exact range,
 * {@link com.quantdesk.core.indicator.Bollinger} spends one O(period) update rebuilding its sums.)
 *
 * <p>Every indicator shares one shape: {@code update(...)} feeds the next observation,
 * {@code isReady()} says whether enough data has been seen for a value, accessors return
 * {@link Double#NaN} until then, {@code count()} is the number of updates since construction or
 * the last {@code reset()}, and {@code reset()} forgets everything. Inputs and outputs are
 * {@code double}; callers feed prices in paise. Warm-up and seeding follow TA-Lib's defaults, and
 * each class documents the zero-based update index at which its first value appears.
 *
 * <p>Inputs must be finite: a NaN or infinite price is corrupt data, and {@code update} rejects it
 * with {@link IllegalArgumentException} rather than let it poison the state until the next reset.
 *
 * <p>Indicators are mutable and not thread-safe; each belongs to the single thread that feeds it.
 */
package com.quantdesk.core.indicator;
