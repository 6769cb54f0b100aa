# The demo picture: findings per month by severity, and revenue at risk per
# month.  test/demo.sh writes the two CSV files from the dashboard views and
# runs:  gnuplot -e "findings='F'; revenue='R'; out='demo-report.png'; title_text='T'" test/demo_plot.gp
#   F: month,error,warning,info          (v_findings_by_provider_month)
#   R: month,revenue_at_risk,downcoding_left_behind,expected_payment  (v_revenue_at_risk)
if (!exists("title_text")) title_text = "tpi_rules demo"

set terminal pngcairo size 1400,1000 font "DejaVu Sans,12" noenhanced
set output out
set datafile separator ","
set key autotitle columnhead top center horizontal outside
set multiplot layout 2,1 title title_text font "DejaVu Sans,16"

set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border -1
set boxwidth 0.75
set grid ytics lc rgb "#dddddd"
set xtics rotate by -45 nomirror
set ytics nomirror

set title "Findings per month of service, by severity (v_findings_by_provider_month)"
set ylabel "findings"
plot findings using 2:xtic(1) lc rgb "#c0392b" title "error", \
	'' using 3 lc rgb "#e67e22" title "warning", \
	'' using 4 lc rgb "#2980b9" title "info"

set title "Money per month of service (v_revenue_at_risk)"
set ylabel "revenue at risk, thousand US dollars"
set y2label "left behind by downcoding, US dollars"
set format y "$%.0fk"
set format y2 "$%.0f"
set y2tics nomirror
set yrange [0:*]
set y2range [0:*]
set boxwidth 0.75
set xrange [-0.6:*]
plot revenue using 0:($2/1000):xtic(1) with boxes lc rgb "#c0392b" \
		title "revenue at risk: expected payment of lines with errors (left axis)", \
	'' using 0:3 axes x1y2 with linespoints lw 3 pt 7 ps 1.2 lc rgb "#8e44ad" \
		title "left behind by downcoding (right axis)"

unset multiplot
