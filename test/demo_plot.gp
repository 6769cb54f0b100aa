# The demo picture: findings per month by severity, and revenue at risk per
# month.  test/demo.sh writes the two CSV files from the dashboard views and
# runs:  gnuplot -e "findings='F'; revenue='R'; out='demo-report.png'; title_text='T'" test/demo_plot.gp
#   F: month,error,warning,info          (v_findings_by_provider_month)
#   R: month,revenue_at_risk,downcoding_left_behind,expected_payment  (v_revenue_at_risk)
if (!exists("title_text")) title_text = "tpi_rules demo"

set terminal pngcairo size 1400,1000 font "DejaVu Sans,12" noenhanced
set output out
set datafile separator ","
set key autotitle columnhead top left reverse Left
set multiplot layout 2,1 title title_text font "DejaVu Sans,16"

set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border -1
set boxwidth 0.75
set grid ytics lc rgb "#dddddd"
set xtics rotate by -45 nomirror
set ytics nomirror
set format y "%'.0f"
set decimalsign locale "C"

set title "Findings per month of service, by severity (v_findings_by_provider_month)"
set ylabel "findings"
plot findings using 2:xtic(1) lc rgb "#c0392b" title "error", \
	'' using 3 lc rgb "#e67e22" title "warning", \
	'' using 4 lc rgb "#2980b9" title "info"

set title "Money per month of service (v_revenue_at_risk)"
set ylabel "US dollars (Medicare national)"
set format y "$%'.0f"
set style histogram clustered gap 1
set key top left
plot revenue using 2:xtic(1) lc rgb "#c0392b" title "revenue at risk (lines with errors)", \
	'' using 3 lc rgb "#8e44ad" title "left behind by downcoding"

unset multiplot
