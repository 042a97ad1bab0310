# Six days of one-minute bars for RELIANCE, 2,250 rows: a walk from 2,500.00 in steps of the tick
# (0.05), drifting up by 0.20 a minute, with valid OHLC. The numbers come from a Park-Miller
# generator written out here, so every awk prints the same file. .ci/training.sh backtests them to
# train the start-up archive (./quantdesk, bench/ab.sh); the drift makes the risk engine deny the
# later entries of a small account there, so the archive's method profiles hold denials as well as
# fills, as a long real run does.
#   awk -f .ci/training-bars.awk > RELIANCE.csv
BEGIN {
    seed = 7
    print "datetime,open,high,low,close,volume"
    p = 250000
    split("2024-01-01 2024-01-02 2024-01-03 2024-01-04 2024-01-05 2024-01-08", day, " ")
    for (d = 1; d <= 6; d++) {
        for (m = 0; m < 375; m++) {
            t = 555 + m
            o = p
            c = o + 20 + 5 * (next_int(201) - 100)
            if (c < 1000) c = 1000
            h = (o > c ? o : c) + 5 * next_int(10)
            l = (o < c ? o : c) - 5 * next_int(10)
            printf "%s %02d:%02d:00,%d.%02d,%d.%02d,%d.%02d,%d.%02d,%d\n", day[d], int(t / 60), t % 60,
                o / 100, o % 100, h / 100, h % 100, l / 100, l % 100, c / 100, c % 100, 1000 + next_int(5000)
            p = c
        }
    }
}

# 0 .. n-1. Every product stays below 2^53, so it is exact in awk's doubles.
function next_int(n) {
    seed = (seed * 16807) % 2147483647
    return seed % n
}
