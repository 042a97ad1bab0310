# Six days of one-minute bars for RELIANCE, 2,250 rows: a random walk from 2,500.00 in steps of 0.05
# (the tick) with valid OHLC. The launcher trains its start-up archive on a backtest of them
# (./quantdesk), and bench/ab.sh trains the archives of the jars it compares the same way.
#   awk -f .ci/training-bars.awk > RELIANCE.csv
BEGIN {
    srand(7)
    print "datetime,open,high,low,close,volume"
    p = 250000
    split("2024-01-01 2024-01-02 2024-01-03 2024-01-04 2024-01-05 2024-01-08", day, " ")
    for (d = 1; d <= 6; d++) {
        for (m = 0; m < 375; m++) {
            t = 555 + m
            o = p
            c = o + int((rand() - 0.5) * 200) * 5
            if (c < 1000) c = 1000
            h = (o > c ? o : c) + 5 * int(rand() * 10)
            l = (o < c ? o : c) - 5 * int(rand() * 10)
            printf "%s %02d:%02d:00,%d.%02d,%d.%02d,%d.%02d,%d.%02d,%d\n", day[d], int(t / 60), t % 60,
                o / 100, o % 100, h / 100, h % 100, l / 100, l % 100, c / 100, c % 100, 1000 + int(rand() * 5000)
            p = c
        }
    }
}
