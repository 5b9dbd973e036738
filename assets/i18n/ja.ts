<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>年率</translation>
    </message>
    <message>
        <source>scenarios</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>USD per GPU-hour</source>
        <translation>USD/GPU時間</translation>
    </message>
    <message>
        <source>USD per W of provisioned IT power</source>
        <translation>USD/W（IT設備電力容量）</translation>
    </message>
    <message>
        <source>USD per accelerator</source>
        <translation>USD/基</translation>
    </message>
    <message>
        <source>USD per kW of IT capacity per month</source>
        <translation>USD/kW・月（IT容量）</translation>
    </message>
    <message>
        <source>USD per vCPU</source>
        <translation>USD/vCPU</translation>
    </message>
    <message>
        <source>USD per vCPU-hour</source>
        <translation>USD/vCPU時間</translation>
    </message>
    <message>
        <source>W per vCPU</source>
        <translation>W/vCPU</translation>
    </message>
    <message>
        <source>billion parameters</source>
        <translation>10億パラメータ</translation>
    </message>
    <message>
        <source>billion parameters per token</source>
        <translation>10億パラメータ/トークン</translation>
    </message>
    <message>
        <source>facility ÷ IT energy</source>
        <translation>施設電力量 ÷ IT電力量</translation>
    </message>
    <message>
        <source>facility ÷ IT power</source>
        <translation>施設電力 ÷ IT電力</translation>
    </message>
    <message>
        <source>output tokens/s each user sees</source>
        <translation>ユーザーあたり出力トークン/秒</translation>
    </message>
    <message>
        <source>share of GPU-hours busy</source>
        <translation>稼働GPU時間の比率</translation>
    </message>
    <message>
        <source>share of accelerator system capex</source>
        <translation>アクセラレータシステムの設備投資に対する比率</translation>
    </message>
    <message>
        <source>share of accelerators</source>
        <translation>アクセラレータに占める比率</translation>
    </message>
    <message>
        <source>share of busy accelerator-hours</source>
        <translation>稼働アクセラレータ時間に占める比率</translation>
    </message>
    <message>
        <source>share of capacity cost</source>
        <translation>アクセラレータ・CPU費に対する比率</translation>
    </message>
    <message>
        <source>share of peak FLOP/s achieved</source>
        <translation>ピークFLOP/sに対する達成率</translation>
    </message>
    <message>
        <source>share of provisioned power</source>
        <translation>設備電力容量に対する比率</translation>
    </message>
    <message>
        <source>share of purchase price at end of life</source>
        <translation>耐用年数終了時の購入価格に対する比率</translation>
    </message>
    <message>
        <source>vCPUs per accelerator</source>
        <translation>アクセラレータあたりvCPU</translation>
    </message>
    <message>
        <source>× calibrated efficiency</source>
        <translation>× 校正済み効率</translation>
    </message>
    <message>
        <source>× catalog price</source>
        <translation>× カタログ価格</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>推定</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>月次</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>サマリー</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>年次</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>前提条件</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>チップ</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>年月</translation>
    </message>
    <message>
        <source>Accelerators installed, total</source>
        <translation>設置済みアクセラレータ数（合計）</translation>
    </message>
    <message>
        <source>Accelerator power, provisioned (MW)</source>
        <translation>設備電力容量（アクセラレータ、MW）</translation>
    </message>
    <message>
        <source>Server overhead power, provisioned (MW)</source>
        <translation>設備電力容量（サーバーのオーバーヘッド、MW）</translation>
    </message>
    <message>
        <source>Cluster power beyond the racks, provisioned (MW)</source>
        <translation>設備電力容量（ラック外のクラスタ、MW）</translation>
    </message>
    <message>
        <source>Agent CPU power, provisioned (MW)</source>
        <translation>設備電力容量（エージェントCPU、MW）</translation>
    </message>
    <message>
        <source>IT power, provisioned (MW)</source>
        <translation>設備電力容量（IT、MW）</translation>
    </message>
    <message>
        <source>Facility power, provisioned (MW)</source>
        <translation>設備電力容量（施設、MW）</translation>
    </message>
    <message>
        <source>IT power, average draw (MW)</source>
        <translation>平均消費電力（IT、MW）</translation>
    </message>
    <message>
        <source>Facility power, average draw (MW)</source>
        <translation>平均消費電力（施設、MW）</translation>
    </message>
    <message>
        <source>Energy (MWh)</source>
        <translation>電力量（MWh）</translation>
    </message>
    <message>
        <source>Hours in the month</source>
        <translation>月間時間数</translation>
    </message>
    <message>
        <source>Cost, total (USD)</source>
        <translation>総コスト（USD）</translation>
    </message>
    <message>
        <source>Cost, cumulative (USD)</source>
        <translation>累積コスト（USD）</translation>
    </message>
    <message>
        <source>Cost per busy GPU-hour (USD)</source>
        <translation>稼働GPU時間あたりコスト（USD）</translation>
    </message>
    <message>
        <source>Cost per million output tokens (USD)</source>
        <translation>100万出力トークン単価（USD）</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>出力トークン数</translation>
    </message>
    <message>
        <source>Cost, accelerator capacity (USD)</source>
        <translation>アクセラレータ費（USD）</translation>
    </message>
    <message>
        <source>Cost, energy (USD)</source>
        <translation>電力費（USD）</translation>
    </message>
    <message>
        <source>Cost, agent CPUs (USD)</source>
        <translation>エージェントCPU費（USD）</translation>
    </message>
    <message>
        <source>Cost, support, storage, other (USD)</source>
        <translation>サポート・ストレージ等（USD）</translation>
    </message>
    <message>
        <source>Accelerators installed, {chip}</source>
        <translation>設置済みアクセラレータ数（{chip}）</translation>
    </message>
    <message>
        <source>Peak compute, {precision} (EFLOP/s)</source>
        <translation>ピーク計算能力（{precision}、EFLOP/s）</translation>
    </message>
    <message>
        <source>Effective compute, {precision} (EFLOP/s)</source>
        <translation>実効計算能力（{precision}、EFLOP/s）</translation>
    </message>
    <message>
        <source>Cost, {part} (USD)</source>
        <translation>コスト（{part}、USD）</translation>
    </message>
    <message>
        <source>Cost, accelerator capacity ({unit})</source>
        <translation>アクセラレータ費（{unit}）</translation>
    </message>
    <message>
        <source>Cost, energy ({unit})</source>
        <translation>電力費（{unit}）</translation>
    </message>
    <message>
        <source>Cost, agent CPUs ({unit})</source>
        <translation>エージェントCPU費（{unit}）</translation>
    </message>
    <message>
        <source>Cost, support, storage, other ({unit})</source>
        <translation>サポート・ストレージ等（{unit}）</translation>
    </message>
    <message>
        <source>Cost, total ({unit})</source>
        <translation>総コスト（{unit}）</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Months in the term</source>
        <translation>対象月数</translation>
    </message>
    <message>
        <source>Energy (GWh)</source>
        <translation>電力量（GWh）</translation>
    </message>
    <message>
        <source>GPU count at year end</source>
        <translation>期末GPU数</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>embedded scenario</source>
        <translation>埋め込みシナリオ</translation>
    </message>
    <message>
        <source>Members switched on</source>
        <translation>オンの案件数</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>最初の月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>最後の月</translation>
    </message>
    <message>
        <source>Month of the power peak</source>
        <translation>設備電力容量がピークの月</translation>
    </message>
    <message>
        <source>Month of the accelerator peak</source>
        <translation>アクセラレータ数がピークの月</translation>
    </message>
    <message>
        <source>Members with a contract value</source>
        <translation>契約総額のある案件数</translation>
    </message>
    <message>
        <source>Modelled cost of the members with a contract value</source>
        <translation>契約総額のある案件のモデル上のコスト</translation>
    </message>
    <message>
        <source>Peak year</source>
        <translation>ピーク年</translation>
    </message>
    <message>
        <source>Largest provider</source>
        <translation>最大の調達先</translation>
    </message>
    <message>
        <source>Share of {provider}</source>
        <translation>{provider}の比率</translation>
    </message>
    <message>
        <source>{family}, share of accelerators at the peak</source>
        <translation>{family}（ピーク時のアクセラレータ数に占める比率）</translation>
    </message>
    <message>
        <source>Share of the accelerators installed in the month the portfolio&apos;s accelerators peak.</source>
        <translation>ポートフォリオのアクセラレータ数がピークとなる月に稼働しているアクセラレータに占める比率です。</translation>
    </message>
    <message>
        <source>{quantity} · {member}</source>
        <translation>{quantity}・{member}</translation>
    </message>
    <message>
        <source>{quantity} · all members</source>
        <translation>{quantity}・全案件</translation>
    </message>
    <message>
        <source>Months of the portfolio</source>
        <translation>ポートフォリオの対象月数</translation>
    </message>
    <message>
        <source>Commitments, {member} ({unit})</source>
        <translation>コミットメント・{member}（{unit}）</translation>
    </message>
    <message>
        <source>Commitments, total ({unit})</source>
        <translation>コミットメント合計（{unit}）</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Source</source>
        <comment>a member&apos;s scenario</comment>
        <translation>参照元</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照先</translation>
    </message>
    <message>
        <source>{figure}, share of cost</source>
        <translation>{figure}（コストに占める比率）</translation>
    </message>
    <message>
        <source>Description and sources</source>
        <translation>説明と出典</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>前提条件</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>許容範囲</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>推定</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Key in the scenario file</source>
        <translation>シナリオファイルのキー</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>{name}: an Excel workbook needs a .xlsx name</source>
        <translation>{name}: Excel ブックには拡張子 .xlsx の名前が必要です</translation>
    </message>
    <message>
        <source>Current: {name}</source>
        <translation>現在：{name}</translation>
    </message>
    <message>
        <source>Main levers</source>
        <translation>主要パラメータ</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>契約</translation>
    </message>
    <message>
        <source>Facility &amp; power</source>
        <translation>施設・電力</translation>
    </message>
    <message>
        <source>Modelled from public sources and marked estimates; every assumption and its source is in the appendix. Equations and sources: the app&apos;s Help ▸ Model and sources (docs/model.md).</source>
        <translation>公開情報と明示した推定に基づくモデル値です。すべての前提条件と出典は付録に記載しています。計算式と出典：アプリのヘルプ → モデルと出典（docs/model.md）。</translation>
    </message>
    <message>
        <source>Total cost · {share} of contract</source>
        <translation>総コスト · 契約総額の{share}</translation>
    </message>
    <message>
        <source>catalog prices</source>
        <translation>カタログ価格</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no chips</comment>
        <translation>なし</translation>
    </message>
    <message>
        <source>Uncertainty ranges (triangular, peaked at the value; {samples} samples, seed {seed})</source>
        <translation>不確実性の範囲（三角分布、頂点は設定値。サンプル数 {samples}、シード {seed}）</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Source of the default range</source>
        <translation>既定の範囲の出典</translation>
    </message>
    <message>
        <source>Appendix: assumptions and their sources</source>
        <translation>付録：前提条件とその出典</translation>
    </message>
    <message>
        <source>Chips in the mix (catalog rows)</source>
        <translation>構成チップ（チップカタログの行）</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>価格</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>チップ</translation>
    </message>
    <message>
        <source>Specs</source>
        <translation>仕様</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>電力</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>推定項目</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>時点</translation>
    </message>
    <message>
        <source>Modelled from public sources and marked estimates; every member&apos;s scenario and source follows on the next pages. Definitions: docs/portfolio.md.</source>
        <translation>公開情報と明示した推定に基づくモデル値です。各案件のシナリオと出典は次ページ以降に記載しています。定義：docs/portfolio.md。</translation>
    </message>
    <message>
        <source>unknown portfolio chart &apos;{name}&apos;; portfolio charts: {charts}</source>
        <translation>不明なポートフォリオのグラフ &apos;{name}&apos; です。ポートフォリオのグラフ: {charts}</translation>
    </message>
    <message>
        <source>preset &apos;{name}&apos;</source>
        <translation>プリセット &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>scenario file {path}</source>
        <translation>シナリオファイル {path}</translation>
    </message>
    <message>
        <source>scenario embedded in the portfolio file</source>
        <translation>ポートフォリオファイルに埋め込まれたシナリオ</translation>
    </message>
    <message>
        <source>Total commitments of the members switched on</source>
        <translation>オンの案件のコミットメント総額</translation>
    </message>
    <message>
        <source>Total commitment</source>
        <translation>コミットメント</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Members, notes and sources</source>
        <translation>構成案件・メモ・出典</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Each member&apos;s scenario and its sources</source>
        <translation>各案件のシナリオとその出典</translation>
    </message>
    <message>
        <source>{label} ({provider})</source>
        <translation>{label}（{provider}）</translation>
    </message>
    <message>
        <source>{member}: {name}; {source}</source>
        <translation>{member}：{name}（{source}）</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>説明はありません。</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>メモ：</translation>
    </message>
    <message>
        <source>Chips in the members&apos; mixes: {chips}. Their specifications, power and prices are the chip catalog&apos;s rows, each with its sources (assets/catalog/chips.csv; a scenario&apos;s own report lists its chips&apos; rows).</source>
        <translation>各案件の構成チップ：{chips}。仕様・電力・価格はチップカタログの各行によるもので、行ごとに出典があります（assets/catalog/chips.csv。シナリオ単体のレポートには構成チップの行を掲載しています）。</translation>
    </message>
    <message>
        <source>Equations and sources: the app&apos;s Help ▸ Model and sources (docs/model.md). Figures are modelled from public sources and estimates; they are not a statement of either party&apos;s actual costs.</source>
        <translation>計算式と出典：アプリのヘルプ → モデルと出典（docs/model.md）。数値は公開情報と推定に基づくモデル値であり、いずれの当事者の実際のコストを示すものでもありません。</translation>
    </message>
    <message>
        <source>Portfolio report — {name}</source>
        <translation>ポートフォリオレポート — {name}</translation>
    </message>
    <message>
        <source>Compute Scenario Explorer portfolio report · {date} · {count} of {total} members switched on · {first} to {last} · {stacked}</source>
        <translation>Compute Scenario Explorer ポートフォリオレポート · {date} · {total}件中{count}件がオン · {first}〜{last} · {stacked}</translation>
    </message>
    <message>
        <source>{name}: a report is a PDF file; use a .pdf name</source>
        <translation>{name}：レポートはPDFファイルです。拡張子が .pdf の名前を指定してください</translation>
    </message>
    <message>
        <source>Scenario report — {name}</source>
        <translation>シナリオレポート — {name}</translation>
    </message>
    <message>
        <source>cannot write {path}: the PDF writer could not start</source>
        <translation>{path} に書き込めません：PDFの書き出しを開始できませんでした</translation>
    </message>
    <message>
        <source>Compute Scenario Explorer report · {date} · {months} months from {start} · {pricing} · {count} accelerators: {mix}</source>
        <translation>Compute Scenario Explorer レポート · {date} · {start}から{months}か月 · {pricing} · アクセラレータ{count}基：{mix}</translation>
    </message>
    <message>
        <source>rent (energy passed through)</source>
        <translation>レンタル（電力費パススルー）</translation>
    </message>
    <message>
        <source>Yen at {rate}; source: {source}.</source>
        <translation>円換算：{rate}、出典：{source}。</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>不確実性</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Shown in the title bar, on exported charts and in reports.</source>
        <translation>タイトルバー、書き出したグラフ、レポートに表示されます。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>ポートフォリオ</translation>
    </message>
    <message>
        <source>Recover unsaved changes to {name} and to the portfolio &apos;{portfolio}&apos; (edited {time})?</source>
        <translation>{name} とポートフォリオ「{portfolio}」の未保存の変更（{time} に編集）を復元しますか？</translation>
    </message>
    <message>
        <source>Recover unsaved changes to the portfolio &apos;{portfolio}&apos; (edited {time})?</source>
        <translation>ポートフォリオ「{portfolio}」の未保存の変更（{time} に編集）を復元しますか？</translation>
    </message>
    <message>
        <source>Totals and concentration</source>
        <translation>合計と集中度</translation>
    </message>
    <message>
        <source>million accelerators</source>
        <translation>100万基</translation>
    </message>
    <message>
        <source>thousand accelerators</source>
        <translation>1,000基</translation>
    </message>
    <message>
        <source>the accelerators installed in each member&apos;s fleet</source>
        <translation>各案件のフリートで稼働しているアクセラレータ数</translation>
    </message>
    <message>
        <source>the provisioned facility power of each member&apos;s fleet (what its sites must deliver on their hottest day with every machine flat out)</source>
        <translation>各案件のフリートの設備電力容量（最も暑い日にすべての機器が全力で動いても拠点が供給しなければならない電力）</translation>
    </message>
    <message>
        <source>each member&apos;s cost of the month (rent, or capital, facility and energy for an owned fleet)</source>
        <translation>各案件のその月のコスト（レンタル料、所有するフリートでは資本費・施設費・電力費）</translation>
    </message>
    <message>
        <source>each member&apos;s cost summed from its first month (after its term it stays at its total)</source>
        <translation>各案件の最初の月から積み上げたコスト（契約期間の後はその総額のまま）</translation>
    </message>
    <message>
        <source>No member is switched on: switch one on to see the portfolio</source>
        <translation>オンの案件がありません。ポートフォリオを表示するには案件をオンにしてください</translation>
    </message>
    <message>
        <source>preset {name}</source>
        <translation>プリセット {name}</translation>
    </message>
    <message>
        <source>file {path}</source>
        <translation>ファイル {path}</translation>
    </message>
    <message>
        <source>embedded in the portfolio file</source>
        <translation>ポートフォリオファイルに埋め込み</translation>
    </message>
    <message>
        <source>{member} ({provider}, {source})</source>
        <translation>{member}（{provider}、{source}）</translation>
    </message>
    <message>
        <source>Members switched on: {members}.</source>
        <translation>オンの案件：{members}。</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first}〜{last}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Each member is a scenario evaluated with the model on its own term; the portfolio adds them month by month on one calendar. Definitions: the app&apos;s Help ▸ Model and sources and docs/portfolio.md.</source>
        <translation>各案件はそれぞれの契約期間でモデルにより評価したシナリオです。ポートフォリオはそれらを一つの暦の上で月ごとに足し合わせます。定義：アプリのヘルプ → モデルと出典、および docs/portfolio.md。</translation>
    </message>
    <message>
        <source>The portfolio&apos;s figures, as the portfolio window&apos;s cards show them: first the totals of the members switched on, then how concentrated their cost is, on one provider and on one chip family.</source>
        <translation>ポートフォリオの指標です（ポートフォリオ画面のカードと同じ値）。まずオンの案件の合計、次にそのコストが一つの調達先、一つのチップ系統にどれだけ集中しているかを示します。</translation>
    </message>
    <message>
        <source>Shares of total cost by provider: {shares}.</source>
        <translation>調達先別の総コストに占める比率：{shares}。</translation>
    </message>
    <message>
        <source>{chart} · by member</source>
        <translation>{chart}・案件別</translation>
    </message>
    <message>
        <source>{chart} · by provider</source>
        <translation>{chart}・調達先別</translation>
    </message>
    <message>
        <source>By {month} the members switched on have committed {value}: {parts}.</source>
        <translation>{month}までに、オンの案件のコミットメントは{value}に達します：{parts}。</translation>
    </message>
    <message>
        <source>The highest month is {month}, at {value}; the largest part of it is {member}&apos;s, {part} ({share}).</source>
        <translation>最も多い月は{month}で{value}です。そのうち最大は{member}の{part}（{share}）です。</translation>
    </message>
    <message>
        <source>stacked by member: the top edge is the portfolio&apos;s</source>
        <translation>案件別に積み上げて示します。上端がポートフォリオ全体です</translation>
    </message>
    <message>
        <source>stacked by provider (a provider&apos;s members added): the top edge is the portfolio&apos;s</source>
        <translation>調達先別に積み上げて示します（同じ調達先の案件は合算）。上端がポートフォリオ全体です</translation>
    </message>
    <message>
        <source>What it shows: {what}, month by month, {stacking}.</source>
        <translation>このグラフ：{what}を月ごとに、{stacking}。</translation>
    </message>
    <message>
        <source>The largest provider is {provider}, with {share} of the total cost; the HHI over the providers is {hhi}.</source>
        <translation>最大の調達先は{provider}で、総コストの{share}を占めます。調達先のHHIは{hhi}です。</translation>
    </message>
    <message>
        <source>The dashed line is the revenue per year entered, {amount}: the commitments are above it in {n} of {m} years, and in {year} they are {ratio} times it.</source>
        <translation>破線は入力した年間売上{amount}です。コミットメントは{m}年のうち{n}年でこれを上回り、{year}年には売上の{ratio}倍です。</translation>
    </message>
    <message>
        <source>The dashed line is the revenue per year entered, {amount}: the commitments are above it in {n} of {m} years.</source>
        <translation>破線は入力した年間売上{amount}です。コミットメントは{m}年のうち{n}年でこれを上回ります。</translation>
    </message>
    <message>
        <source>What it shows: each member&apos;s cost summed over each calendar year, stacked by member: what the portfolio spends each year, the figure to set beside revenue.</source>
        <translation>このグラフ：各案件のコストを暦年ごとに合計し、案件別に積み上げて示します。ポートフォリオが毎年支出する額で、収益と比べる数値です。</translation>
    </message>
    <message>
        <source>The peak year is {year}, at {value}.</source>
        <translation>ピーク年は{year}年で、{value}です。</translation>
    </message>
    <message>
        <source>By year: {years}.</source>
        <translation>年別：{years}。</translation>
    </message>
    <message>
        <source>{year}: {value}</source>
        <translation>{year}年：{value}</translation>
    </message>
    <message>
        <source>Part years (fewer than 12 months of the portfolio): {years}.</source>
        <translation>ポートフォリオの対象が12か月に満たない年：{years}。</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Each member with its provider and where its scenario comes from; its own figures over its own term (a member switched off is listed, and left out of the totals).</source>
        <translation>各案件の調達先とシナリオの出どころ、それぞれの契約期間での指標です（オフの案件も記載しますが、合計には含めません）。</translation>
    </message>
    <message>
        <source>The portfolio lists no sources, and its members have no descriptions.</source>
        <translation>このポートフォリオには出典がなく、案件にも説明がありません。</translation>
    </message>
    <message>
        <source>Chip specifications, power and prices: the chip catalog, each row with its sources. Figures are modelled from public sources and estimates; they are not a statement of any party&apos;s actual costs.</source>
        <translation>チップの仕様・電力・価格：チップカタログ（各行に出典を記載）。数値は公開情報と推定に基づくモデル値であり、いずれの当事者の実際のコストを示すものでもありません。</translation>
    </message>
    <message>
        <source>Your notes on the scenario; the report, slides and data exports carry them.</source>
        <translation>シナリオについてのメモ。レポート、スライド、データの書き出しに含まれます。</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source> USD billion</source>
        <translation> 10億ドル</translation>
    </message>
    <message>
        <source>Total cost over the term to match (default: the contract value)</source>
        <translation>契約期間の総コストをこの額に合わせます（既定値：契約総額）</translation>
    </message>
    <message>
        <source>GPU count</source>
        <translation>GPU数</translation>
    </message>
    <message>
        <source>Solve for GPU count</source>
        <translation>GPU数を求める</translation>
    </message>
    <message>
        <source>Provisioned facility power (size the fleet in MW)</source>
        <translation>設備電力容量（MWで規模を決める）</translation>
    </message>
    <message>
        <source>Solve for facility power</source>
        <translation>設備電力容量を求める</translation>
    </message>
    <message>
        <source>Chip price level (rent per GPU-hour, or purchase when owned)</source>
        <translation>チップ価格の水準（GPU時間あたりのレンタル料、自社保有なら購入価格）</translation>
    </message>
    <message>
        <source>Solve for price</source>
        <translation>価格を求める</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>計算</translation>
    </message>
    <message>
        <source>Choose a budget and what to solve for.</source>
        <translation>予算と求める項目を選んでください。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Solve for</source>
        <translation>求める項目</translation>
    </message>
    <message>
        <source>Entered in USD billion: {amount} at {rate}</source>
        <translation>入力単位は10億ドル。{rate}換算で{amount}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No answer:&lt;/b&gt; {problem}</source>
        <translation>&lt;b&gt;解なし：&lt;/b&gt;{problem}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} accelerators&lt;/b&gt; make the total cost over the term {cost}.</source>
        <translation>&lt;b&gt;アクセラレータ {count}基&lt;/b&gt;で、契約期間の総コストが{cost}になります。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{power}&lt;/b&gt; of provisioned facility power make the total cost over the term {cost}.</source>
        <translation>設備電力容量 &lt;b&gt;{power}&lt;/b&gt; で、契約期間の総コストが{cost}になります。</translation>
    </message>
    <message>
        <source>An average of &lt;b&gt;{price}&lt;/b&gt; (chip price scale {scale}) makes the total cost {cost}.</source>
        <translation>&lt;b&gt;{price}&lt;/b&gt;（チップ価格の係数 {scale}）で、総コストが{cost}になります。</translation>
    </message>
    <message>
        <source>Accelerators installed at full deployment (not used when the fleet is sized by power).</source>
        <translation>全量導入時に設置するアクセラレータ数（電力から規模を決める場合は使用しません）。</translation>
    </message>
    <message>
        <source>Facility power (provisioned)</source>
        <translation>設備電力容量（施設）</translation>
    </message>
    <message>
        <source>Provisioned facility (grid) power at full deployment. When set, the GPU count is derived from it; a scenario file gives this or &apos;gpu_count&apos;, not both.</source>
        <translation>全量導入時の施設（系統受電）の設備電力容量。設定するとGPU数はこの値から算出されます。シナリオファイルではこの値か &apos;gpu_count&apos; のどちらか一方を指定します。</translation>
    </message>
    <message>
        <source>Chip mix bar</source>
        <translation>チップ構成バー</translation>
    </message>
    <message>
        <source>Add chip…</source>
        <translation>チップを追加…</translation>
    </message>
    <message>
        <source>Add chip</source>
        <translation>チップを追加</translation>
    </message>
    <message>
        <source>Add a chip from the catalog to the mix</source>
        <translation>チップカタログからチップ構成にチップを追加</translation>
    </message>
    <message>
        <source>Chip mix</source>
        <translation>チップ構成</translation>
    </message>
    <message>
        <source>Share of the fleet by chip. Moving one chip rescales the others in proportion; lock a chip to keep its share.</source>
        <translation>チップ別のフリート構成比。1つを動かすと、他のチップが比例して調整されます。比率を保つチップはロックします。</translation>
    </message>
    <message>
        <source>Share of {chip} in the fleet (%)</source>
        <translation>フリートに占める{chip}の比率（%）</translation>
    </message>
    <message>
        <source>{chip}&apos;s share</source>
        <translation>{chip}の比率</translation>
    </message>
    <message>
        <source>Lock {chip}</source>
        <translation>{chip}をロック</translation>
    </message>
    <message>
        <source>Lock {chip}: keep its share fixed while other chips move (saved with the scenario)</source>
        <translation>{chip}をロック：他のチップが動いても比率を保ちます（シナリオに保存）</translation>
    </message>
    <message>
        <source>Remove {chip}</source>
        <translation>{chip}を削除</translation>
    </message>
    <message>
        <source>Remove {chip} from the mix</source>
        <translation>{chip}をチップ構成から削除</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>ロック中</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>ロックなし</translation>
    </message>
    <message>
        <source>Share of the fleet by chip id; normalised to sum to 1.</source>
        <translation>チップIDごとの構成比。合計が1になるよう正規化されます。</translation>
    </message>
    <message>
        <source>Locked chips</source>
        <translation>ロックしたチップ</translation>
    </message>
    <message>
        <source>Chips whose share stays fixed while another chip&apos;s share moves (the chip mix&apos;s locks).</source>
        <translation>他のチップの比率を動かしても比率が変わらないチップ（チップ構成のロック）。</translation>
    </message>
    <message>
        <source>Energy price</source>
        <translation>電力単価</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>シナリオ名</translation>
    </message>
    <message>
        <source>The scenario&apos;s name, shown in the title of exported charts and reports</source>
        <translation>シナリオ名。書き出したグラフやレポートのタイトルに表示されます</translation>
    </message>
    <message>
        <source>Notes: where the figures come from, what was checked (printed in the report and the Excel file)</source>
        <translation>メモ：数値の出典、確認した内容など（レポートとExcelファイルに記載）</translation>
    </message>
    <message>
        <source>The scenario&apos;s notes, saved with it and printed in the report&apos;s appendix and the Excel export&apos;s Assumptions sheet</source>
        <translation>シナリオのメモ。シナリオと一緒に保存され、レポートの付録とExcel書き出しの前提条件シートに記載されます</translation>
    </message>
    <message>
        <source>Price of electricity delivered to the facility.</source>
        <translation>施設に供給される電力の価格。</translation>
    </message>
    <message>
        <source>Agent CPU ratio</source>
        <translation>エージェントCPU比率</translation>
    </message>
    <message>
        <source>vCPUs provisioned per accelerator for agentic workloads (tool use, sandboxes), on top of the host CPUs inside each accelerator server.</source>
        <translation>エージェント型ワークロード（ツール利用、サンドボックス）向けにアクセラレータ1基あたりに割り当てるvCPU数。各アクセラレータサーバー内のホストCPUとは別枠です。</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>契約期間</translation>
    </message>
    <message>
        <source>a scenario file (.json) or a preset name</source>
        <translation>シナリオファイル（.json）またはプリセット名</translation>
    </message>
    <message>
        <source>a chip catalog file that adds or overrides chips</source>
        <translation>チップを追加・上書きするチップカタログファイル</translation>
    </message>
    <message>
        <source>show money in USD (the default) or JPY, at the stated rate (JSON output stays in USD)</source>
        <translation>金額を米ドル（既定）または円で表示（円は明示したレートで換算。JSON出力は米ドルのまま）</translation>
    </message>
    <message>
        <source>the exchange rate for JPY (default 153.67, the New York close on 2025-11-04); implies --currency JPY</source>
        <translation>円換算の為替レート（既定は153.67、2025年11月4日のニューヨーク終値）。指定すると --currency JPY になります</translation>
    </message>
    <message>
        <source>the date of that rate, stated with every yen figure</source>
        <translation>そのレートの基準日（円の数値に併記されます）</translation>
    </message>
    <message>
        <source>Compute Scenario Explorer: capacity, power and cost of an AI compute fleet. Run &apos;{prog}&apos; with no arguments (or with a scenario FILE) to open the window.</source>
        <translation>Compute Scenario Explorer：AI計算基盤の計算能力・電力・コストを試算します。&apos;{prog}&apos; を引数なしで（またはシナリオ FILE を付けて）実行するとウィンドウが開きます。</translation>
    </message>
    <message>
        <source>Examples: {example1} | {example2} | {example3}</source>
        <translation>例: {example1} | {example2} | {example3}</translation>
    </message>
    <message>
        <source>print a scenario&apos;s key figures</source>
        <translation>シナリオの主要指標を表示する</translation>
    </message>
    <message>
        <source>print one JSON object instead of a table</source>
        <translation>表の代わりに JSON オブジェクトを1つ出力する</translation>
    </message>
    <message>
        <source>solve for the GPU count or price level whose total cost matches a budget</source>
        <translation>総コストが予算と一致する GPU数または価格水準を求める</translation>
    </message>
    <message>
        <source>the budget (default: the scenario&apos;s contract value)</source>
        <translation>予算（既定: シナリオの契約総額）</translation>
    </message>
    <message>
        <source>what to solve for: the GPU count, the provisioned facility power, or the price level (default gpu_count)</source>
        <translation>求める対象: GPU数、設備電力容量、価格水準のいずれか（既定 gpu_count）</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>JSON オブジェクトを1つ出力する</translation>
    </message>
    <message>
        <source>also save the fitted scenario to FILE (.json)</source>
        <translation>調整後のシナリオを FILE（.json）にも保存する</translation>
    </message>
    <message>
        <source>print a portfolio&apos;s totals, yearly commitments and concentration</source>
        <translation>ポートフォリオの合計、年間コミットメント、集中度を表示する</translation>
    </message>
    <message>
        <source>a portfolio file (.json) or a shipped portfolio&apos;s name (openai-2025)</source>
        <translation>ポートフォリオファイル（.json）または同梱のポートフォリオの名前（openai-2025）</translation>
    </message>
    <message>
        <source>list the shipped preset scenarios</source>
        <translation>同梱のプリセットシナリオを一覧表示する</translation>
    </message>
    <message>
        <source>print a JSON list</source>
        <translation>JSON の配列を出力する</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount in USD (e.g. 38e9 or 38B)</source>
        <translation>&apos;{text}&apos; は USD の金額ではありません（例: 38e9、38B）</translation>
    </message>
    <message>
        <source>--jpy-per-usd gives a yen rate; it cannot go with --currency USD</source>
        <translation>--jpy-per-usd は円のレートです。--currency USD とは併用できません</translation>
    </message>
    <message>
        <source>--rate-date &apos;{date}&apos; is not a date written YYYY-MM-DD</source>
        <translation>--rate-date &apos;{date}&apos; は YYYY-MM-DD 形式の日付ではありません</translation>
    </message>
    <message>
        <source>given on the command line</source>
        <translation>コマンドラインで指定</translation>
    </message>
    <message>
        <source>--jpy-per-usd {rate} is outside 1 to 10,000 yen per dollar</source>
        <translation>--jpy-per-usd {rate} は1〜10,000円/ドルの範囲外です</translation>
    </message>
    <message>
        <source>rent</source>
        <translation>レンタル</translation>
    </message>
    <message>
        <source>own</source>
        <translation>自社保有</translation>
    </message>
    <message>
        <source>{start} ({pricing}, energy passed through)</source>
        <translation>{start}（{pricing}、電力費はパススルー）</translation>
    </message>
    <message>
        <source>{start} ({pricing})</source>
        <translation>{start}（{pricing}）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>the scenario has no contract value to fit to; give a budget with --budget USD</source>
        <translation>シナリオに契約総額がないため、合わせる対象がありません。--budget USD で予算を指定してください</translation>
    </message>
    <message>
        <source>no output file given (--out)</source>
        <translation>出力ファイルが指定されていません（--out）</translation>
    </message>
    <message>
        <source>{name} (fitted to {budget})</source>
        <translation>{name}（予算{budget}に合わせて調整）</translation>
    </message>
    <message>
        <source>{price} (chip price scale {scale})</source>
        <translation>{price}（チップ価格の係数 {scale}）</translation>
    </message>
    <message>
        <source>Budget: {budget}</source>
        <translation>予算: {budget}</translation>
    </message>
    <message>
        <source>Total cost with it: {cost}</source>
        <translation>その場合の総コスト: {cost}</translation>
    </message>
    <message>
        <source>GPU count that meets it: {value}</source>
        <translation>予算に見合う GPU数: {value}</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置引数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>バージョンを表示して終了</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>次の引数が必要です: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>認識できない引数: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>無効な選択肢: %(value)r（%(choices)s から選んでください）</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>引数が1つ必要です</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>引数 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>引数 %s とは併用できません</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>引数 %s のいずれかが必要です</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>無効な %(type)s の値: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>あいまいなオプション: %(option)s は %(matches)s のどれにも当てはまります</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>引数が1つ以上必要です</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>引数は1つまでです</translation>
    </message>
    <message>
        <source>a scenario or portfolio file (.json), a preset name, or a shipped portfolio&apos;s name (openai-2025); a name that is both is the preset</source>
        <translation>シナリオまたはポートフォリオのファイル（.json）、プリセット名、または同梱のポートフォリオの名前（openai-2025）。両方に当てはまる名前はプリセットを指します</translation>
    </message>
    <message>
        <source>write the monthly projection and the assumptions (CSV or Excel), or a portfolio&apos;s tables</source>
        <translation>月次予測と前提条件を書き出す（CSV または Excel）。ポートフォリオではその表を書き出す</translation>
    </message>
    <message>
        <source>CSV file; the assumptions go to OUT-assumptions.csv (a portfolio: OUT-yearly.csv, OUT-members.csv and OUT-summary.csv)</source>
        <translation>CSV ファイル（前提条件は OUT-assumptions.csv に書き出す。ポートフォリオでは OUT-yearly.csv、OUT-members.csv、OUT-summary.csv）</translation>
    </message>
    <message>
        <source>Excel workbook (Monthly, Yearly, Summary, Assumptions, Chips; a portfolio&apos;s: Monthly, Yearly, Members, Summary)</source>
        <translation>Excel ブック（月次・年次・サマリー・前提条件・チップの各シート。ポートフォリオでは月次・年次・構成案件・サマリー）</translation>
    </message>
    <message>
        <source>group the yearly table by Japanese fiscal year (April to March) instead of calendar year (a scenario&apos;s CSV files have no yearly table)</source>
        <translation>年次の表を暦年ではなく年度（4月〜翌年3月）で集計する（シナリオの CSV ファイルには年次の表はありません）</translation>
    </message>
    <message>
        <source>{count} accelerators</source>
        <translation>{count} 基</translation>
    </message>
    <message>
        <source>Provisioned facility power that meets it: {value}</source>
        <translation>予算に見合う設備電力容量: {value}</translation>
    </message>
    <message>
        <source>Price level that meets it: {value}</source>
        <translation>予算に見合う価格水準: {value}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>書き出しました: {path}</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>調達先</translation>
    </message>
    <message>
        <source>On</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Provisioned power</source>
        <translation>設備電力容量</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>総コスト</translation>
    </message>
    <message>
        <source>on</source>
        <translation>オン</translation>
    </message>
    <message>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>{value} in {month}</source>
        <translation>{value}（{month}）</translation>
    </message>
    <message>
        <source>{value} ({count} members; their modelled cost: {cost})</source>
        <translation>{value}（{count}件。そのモデル上の総コスト: {cost}）</translation>
    </message>
    <message>
        <source>{value} in {year}</source>
        <translation>{value}（{year}年）</translation>
    </message>
    <message>
        <source>{provider}: {share}</source>
        <translation>{provider}: {share}</translation>
    </message>
    <message>
        <source>{cost} of cost, {accelerators} of accelerators</source>
        <translation>コスト比 {cost}、アクセラレータ比 {accelerators}</translation>
    </message>
    <message>
        <source>Totals (members switched on)</source>
        <translation>合計（有効な案件）</translation>
    </message>
    <message>
        <source>Concentration (shares of total cost)</source>
        <translation>集中度（総コストに占める比率）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Yearly commitments ({unit} per calendar year)</source>
        <translation>年間コミットメント（暦年あたり、{unit}）</translation>
    </message>
    <message>
        <source>the standard output is closed; nothing was done</source>
        <translation>標準出力が閉じられているため、何も実行しませんでした</translation>
    </message>
    <message>
        <source>the standard output was closed before everything was written</source>
        <translation>すべてを書き出す前に標準出力が閉じられました</translation>
    </message>
    <message>
        <source>the standard output cannot be written: {reason}</source>
        <translation>標準出力に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>{program}: error: {message}</source>
        <translation>{program}: エラー: {message}</translation>
    </message>
    <message>
        <source>Full deployment by</source>
        <translation>全量導入時期</translation>
    </message>
    <message>
        <source>Installed capacity grows linearly from the start month to this month; equal to the start means all capacity from the first month.</source>
        <translation>設置容量は開始月からこの月まで直線的に増えます。開始月と同じにすると初月から全容量が稼働します。</translation>
    </message>
    <message>
        <source>Cumulative cost vs contract</source>
        <translation>累積コストと契約総額</translation>
    </message>
    <message>
        <source>Cumulative cost</source>
        <translation>累積コスト</translation>
    </message>
    <message>
        <source>Contract value</source>
        <translation>契約総額</translation>
    </message>
    <message>
        <source>exceeds the contract in {month}</source>
        <translation>{month}に契約総額を超過</translation>
    </message>
    <message>
        <source>cumulative</source>
        <translation>累積</translation>
    </message>
    <message>
        <source>of contract</source>
        <translation>契約総額比</translation>
    </message>
    <message>
        <source>contract {amount}</source>
        <translation>契約総額 {amount}</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>調達方式</translation>
    </message>
    <message>
        <source>rent: capacity billed per installed GPU-hour (the cluster network is in the price); own: hardware bought and depreciated, plus facility and energy costs.</source>
        <translation>rent（レンタル）：設置済みGPU時間単位で課金（クラスタネットワークは価格に含む）。own（自社保有）：ハードウェアを購入して減価償却し、施設費と電力費を加算。</translation>
    </message>
    <message>
        <source>Energy passed through</source>
        <translation>電力費のパススルー</translation>
    </message>
    <message>
        <source>Rent only. false: all-inclusive rent; the electricity embedded in the provider&apos;s price (at full-use draw) is shown as the energy component. true: rent excludes electricity, which is billed as metered at the scenario&apos;s energy price.</source>
        <translation>レンタル時のみ。false：電力込みのレンタル料金。事業者の価格に含まれる電力（フル稼働時の消費電力ベース）を電力費として内訳表示します。true：レンタル料金に電力は含まず、電力はシナリオの電力単価で実使用量に応じて課金します。</translation>
    </message>
    <message>
        <source>PUE (annual average)</source>
        <translation>PUE（年間平均）</translation>
    </message>
    <message>
        <source>The year&apos;s facility energy divided by its IT energy: cooling and power conversion on an average day. It sets the energy bill; the campus is sized with the design PUE.</source>
        <translation>年間の施設全体の電力量をIT機器の電力量で割った値で、平均的な日の冷却・電力変換ロスを表します。電力費はこの値で決まり、キャンパスの規模は設計PUEで決まります。</translation>
    </message>
    <message>
        <source>Design PUE (peak)</source>
        <translation>設計PUE（ピーク）</translation>
    </message>
    <message>
        <source>Provisioned facility (grid) power divided by provisioned IT power: a campus is sized for its hottest day at full load, so this is above the annual average PUE.</source>
        <translation>施設（系統受電）の設備電力容量をITの設備電力容量で割った値。キャンパスは最も暑い日のフル負荷を前提に設計されるため、年間平均PUEより高くなります。</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>稼働率</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>Model FLOP utilisation while busy: effective compute = peak × utilisation × MFU.</source>
        <translation>稼働中のモデルFLOP利用率。実効計算能力 ＝ ピーク × 稼働率 × MFU。</translation>
    </message>
    <message>
        <source>Power draw when busy</source>
        <translation>稼働時の消費電力</translation>
    </message>
    <message>
        <source>Average draw of a fully busy system as a share of its provisioned (nameplate) power.</source>
        <translation>フル稼働時の平均消費電力の、設備（定格）電力に対する比率。</translation>
    </message>
    <message>
        <source>Power draw when idle</source>
        <translation>アイドル時の消費電力</translation>
    </message>
    <message>
        <source>Server overhead scale</source>
        <translation>サーバーオーバーヘッド係数</translation>
    </message>
    <message>
        <source>Scales the power of host CPUs, memory, NICs, switches and fans beyond the accelerator TDP.</source>
        <translation>アクセラレータのTDP以外の電力（ホストCPU、メモリ、NIC、スイッチ、ファン）に掛ける倍率。</translation>
    </message>
    <message>
        <source>Beyond-the-rack power scale</source>
        <translation>ラック外電力の係数</translation>
    </message>
    <message>
        <source>Scales the power the cluster needs outside its accelerator racks or servers.</source>
        <translation>クラスタがアクセラレータのラックやサーバー以外で必要とする電力に掛ける倍率。</translation>
    </message>
    <message>
        <source>Chip price scale</source>
        <translation>チップ価格の係数</translation>
    </message>
    <message>
        <source>Multiplier on every chip&apos;s rent and purchase price (per-chip overrides are used as entered).</source>
        <translation>全チップのレンタル料金と購入価格に掛ける倍率（チップ別の個別設定値はそのまま使用します）。</translation>
    </message>
    <message>
        <source>Rent price (ex power)</source>
        <translation>レンタル料金（電力除く）</translation>
    </message>
    <message>
        <source>Per-chip rent excluding electricity, overriding the catalog.</source>
        <translation>電力を除くチップ別のレンタル料金。チップカタログの値を上書きします。</translation>
    </message>
    <message>
        <source>Purchase price</source>
        <translation>購入価格</translation>
    </message>
    <message>
        <source>Per-chip purchase price of the accelerator&apos;s system (its share of the rack or server), overriding the catalog (pricing &apos;own&apos;).</source>
        <translation>アクセラレータのシステム（ラックまたはサーバーのうち当該チップ分）のチップ別購入価格。チップカタログの値を上書きします（調達方式 &apos;own&apos;）。</translation>
    </message>
    <message>
        <source>Network and storage (owned)</source>
        <translation>ネットワーク・ストレージ（自社保有）</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;: scale-out network (switches, optics, cabling) and storage bought with the accelerators, as a share of their system price. Renting, they are in the GPU-hour price.</source>
        <translation>調達方式 &apos;own&apos;：アクセラレータと併せて購入するスケールアウト・ネットワーク（スイッチ、光モジュール、ケーブル）とストレージ。システム価格に対する比率で指定します。レンタルの場合はGPU時間単価に含まれます。</translation>
    </message>
    <message>
        <source>Economic life</source>
        <translation>経済耐用年数</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;: straight-line life of the hardware, from its price to its residual value.</source>
        <translation>調達方式 &apos;own&apos;：ハードウェアを取得価格から残存価額まで定額法で償却する期間。</translation>
    </message>
    <message>
        <source>Residual value</source>
        <translation>残存価額</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;: what a unit is sold for when it is retired at the end of its economic life.</source>
        <translation>調達方式 &apos;own&apos;：経済耐用年数の終了時に退役させる際の1台あたり売却価格。</translation>
    </message>
    <message>
        <source>Replace at end of life</source>
        <translation>耐用年数経過時に更新</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;, a term longer than the economic life. true: a unit is replaced at the end of its life at the same price (its capital cost continues); false: it keeps running fully depreciated, at no capital cost.</source>
        <translation>調達方式 &apos;own&apos; で、契約期間が経済耐用年数より長い場合。true：耐用年数の終了時に同じ価格で更新します（減価償却費と資本コストが続く）。false：償却済みのまま稼働を続け、減価償却費と資本コストはかかりません。</translation>
    </message>
    <message>
        <source>Cost of capital (owned)</source>
        <translation>資本コスト（自社保有）</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;: yearly charge on the hardware&apos;s undepreciated value (financing).</source>
        <translation>調達方式 &apos;own&apos;：ハードウェアの未償却残高に対する年率の負担（資金調達コスト）。</translation>
    </message>
    <message>
        <source>Facility cost (owned)</source>
        <translation>施設費（自社保有）</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;: the facility&apos;s cost per month per kW of provisioned IT power (a lease, or the built equivalent: the build recovered over its life, plus operations), excluding the electricity itself.</source>
        <translation>調達方式 &apos;own&apos;：ITの設備電力容量1kWあたりの月額施設費（リース料、または自社建設の場合は建設費を耐用期間で回収した額に運営費を加えた相当額）。電力そのものは含みません。</translation>
    </message>
    <message>
        <source>Facility build cost</source>
        <translation>施設建設費</translation>
    </message>
    <message>
        <source>The capital cost of building the facility (shell, power and cooling) per W of IT it can host; counted in the capital cost figures (capex per GW), not in the monthly cost.</source>
        <translation>施設（建屋、電源設備、冷却設備）の建設費。収容できるIT電力1Wあたりで指定します。設備投資額の指標（GWあたり設備投資）に算入し、月次コストには含みません。</translation>
    </message>
    <message>
        <source>Support, storage services, other</source>
        <translation>サポート・ストレージ等</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>サポート等</translation>
    </message>
    <message>
        <source>CPU rent (ex power)</source>
        <translation>CPUレンタル料金（電力除く）</translation>
    </message>
    <message>
        <source>CPU purchase</source>
        <translation>CPU購入価格</translation>
    </message>
    <message>
        <source>Pricing &apos;own&apos;.</source>
        <translation>調達方式 &apos;own&apos;。</translation>
    </message>
    <message>
        <source>CPU power</source>
        <translation>CPU電力</translation>
    </message>
    <message>
        <source>Rated server power per vCPU.</source>
        <translation>vCPUあたりのサーバー定格電力。</translation>
    </message>
    <message>
        <source>vCPUs per agent session</source>
        <translation>セッションあたりvCPU数</translation>
    </message>
    <message>
        <source>Served model</source>
        <translation>推論対象モデル</translation>
    </message>
    <message>
        <source>A preset&apos;s parameters, KV cache and multi-token prediction set the roofline; &apos;custom&apos; uses the parameter counts given here. A file gives this or the explicit parameter counts, not both.</source>
        <translation>プリセットを選ぶと、そのパラメータ数、KVキャッシュ、マルチトークン予測がルーフラインを決めます。&apos;custom&apos; ではここで指定したパラメータ数を使います。ファイルではこの値か明示的なパラメータ数のどちらか一方を指定します。</translation>
    </message>
    <message>
        <source>Total parameters</source>
        <translation>総パラメータ数</translation>
    </message>
    <message>
        <source>All weights held in memory (every expert of a mixture of experts). Used when the served model is &apos;custom&apos;; a preset sets it.</source>
        <translation>メモリに保持する全重み（Mixture of Expertsでは全エキスパート分）。推論対象モデルが &apos;custom&apos; のときに使用し、プリセットでは自動で設定されます。</translation>
    </message>
    <message>
        <source>Active parameters</source>
        <translation>アクティブパラメータ数</translation>
    </message>
    <message>
        <source>Parameters each token passes through (for a mixture of experts, the active ones). Used when the served model is &apos;custom&apos;; a preset sets it.</source>
        <translation>各トークンが通過するパラメータ（Mixture of Expertsではアクティブなエキスパート分）。推論対象モデルが &apos;custom&apos; のときに使用し、プリセットでは自動で設定されます。</translation>
    </message>
    <message>
        <source>Prompt (context) per request</source>
        <translation>リクエストあたりプロンプト（コンテキスト）</translation>
    </message>
    <message>
        <source>Input tokens each request brings (its context: instructions, history, tool results). They are read from the KV cache at every step and computed once (prefill).</source>
        <translation>各リクエストが持ち込む入力トークン（指示、履歴、ツール結果などのコンテキスト）。毎ステップKVキャッシュから読み出され、計算は1回（プリフィル）だけです。</translation>
    </message>
    <message>
        <source>Output per request</source>
        <translation>リクエストあたり出力</translation>
    </message>
    <message>
        <source>Output tokens each request generates.</source>
        <translation>各リクエストが生成する出力トークン数。</translation>
    </message>
    <message>
        <source>Interactivity</source>
        <translation>応答速度</translation>
    </message>
    <message>
        <source>The speed each user sees. Faster answers mean smaller batches, so fewer tokens per accelerator and a higher cost per token.</source>
        <translation>各ユーザーから見た生成速度。応答を速くするほどバッチが小さくなり、アクセラレータあたりのトークン数が減って、トークンあたりコストが上がります。</translation>
    </message>
    <message>
        <source>Serving precision</source>
        <translation>推論の数値精度</translation>
    </message>
    <message>
        <source>Weights at this precision (a chip without it uses its next wider one); the KV cache is FP8 at FP8 and FP4, 16-bit at BF16.</source>
        <translation>重みをこの精度で保持します（非対応のチップは次に広い精度を使用）。KVキャッシュはFP8・FP4ではFP8、BF16では16ビットです。</translation>
    </message>
    <message>
        <source>Serving share</source>
        <translation>推論比率</translation>
    </message>
    <message>
        <source>Busy hours spent serving tokens; the rest trains. Tokens, and the cost per token (the fleet&apos;s cost times this share, over the tokens), count only these hours.</source>
        <translation>稼働時間のうちトークン生成（推論）に充てる比率。残りは学習に使います。トークン数とトークンあたりコスト（全体のコスト × この比率 ÷ トークン数）は、この時間だけで計算します。</translation>
    </message>
    <message>
        <source>Serving efficiency scale</source>
        <translation>推論効率の係数</translation>
    </message>
    <message>
        <source>Better or worse serving software than the calibration&apos;s (speculative decoding, disaggregated prefill, kernel quality).</source>
        <translation>校正時より優れた、または劣る推論ソフトウェア（投機的デコーディング、プリフィル分離、カーネルの品質）を反映します。</translation>
    </message>
    <message>
        <source>Price per million output tokens</source>
        <translation>100万出力トークンあたり価格</translation>
    </message>
    <message>
        <source>When set: revenue, gross margin and the break-even utilisation of the serving hours.</source>
        <translation>設定すると、売上高、粗利益、推論時間の損益分岐稼働率を表示します。</translation>
    </message>
    <message>
        <source>Uncertainty ranges</source>
        <translation>不確実性の範囲</translation>
    </message>
    <message>
        <source>Low and high values around the scenario&apos;s value, per uncertain input; each is drawn from a triangular distribution peaked at the value. Left out of a file: the default ranges around the file&apos;s values. {} turns uncertainty off.</source>
        <translation>不確実な入力ごとの、シナリオ値を中心とした下限値と上限値。各値はシナリオ値を最頻値とする三角分布から抽出します。ファイルで省略した場合は、ファイルの値を中心とした既定の範囲を使います。{} を指定すると不確実性を無効にします。</translation>
    </message>
    <message>
        <source>each input: its range from low to high</source>
        <translation>各入力：下限から上限までの範囲</translation>
    </message>
    <message>
        <source>Range on: {input}</source>
        <translation>範囲を使用：{input}</translation>
    </message>
    <message>
        <source>Draw {input} from a triangular distribution between low and high, peaked at the scenario&apos;s value.</source>
        <translation>{input}を、下限と上限の間でシナリオの値を頂点とする三角分布から抽出します。</translation>
    </message>
    <message>
        <source>Default range:</source>
        <translation>既定の範囲：</translation>
    </message>
    <message>
        <source>{input}, low end</source>
        <translation>{input}（下限）</translation>
    </message>
    <message>
        <source>{input}, high end</source>
        <translation>{input}（上限）</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>乱数シード</translation>
    </message>
    <message>
        <source>Default ranges</source>
        <translation>既定の範囲</translation>
    </message>
    <message>
        <source>Every input&apos;s default range around its current value (sources in docs/model.md)</source>
        <translation>すべての入力に、現在の値を中心とした既定の範囲を設定します（出典は docs/model.md）</translation>
    </message>
    <message>
        <source>No uncertainty</source>
        <translation>不確実性なし</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>アクセラレータ数</translation>
    </message>
    <message>
        <source>cannot solve for &apos;{what}&apos;; choose gpu_count, facility_power_mw or price</source>
        <translation>&apos;{what}&apos; は求められません。gpu_count、facility_power_mw、price のいずれかを選んでください</translation>
    </message>
    <message>
        <source>the budget must be a positive amount in USD, got {budget}</source>
        <translation>予算は正の USD 金額で指定してください。指定値: {budget}</translation>
    </message>
    <message>
        <source>the scenario costs nothing per accelerator, so no GPU count matches a budget</source>
        <translation>このシナリオはアクセラレータあたりのコストがゼロのため、予算に合う GPU数はありません</translation>
    </message>
    <message>
        <source>accelerators</source>
        <translation>基</translation>
    </message>
    <message>
        <source>the scenario costs nothing per MW, so no power matches a budget</source>
        <translation>このシナリオは MW あたりのコストがゼロのため、予算に合う電力はありません</translation>
    </message>
    <message>
        <source>MW (provisioned facility power)</source>
        <translation>MW（設備電力容量）</translation>
    </message>
    <message>
        <source>could not match the budget: the best {what} gives {cost}</source>
        <translation>予算に合わせられませんでした: 最適な {what} でも{cost}になります</translation>
    </message>
    <message>
        <source>{budget} does not pay for one accelerator over the term ({each} each)</source>
        <translation>{budget}では契約期間中のアクセラレータ1基分も賄えません（1基あたり{each}）</translation>
    </message>
    <message>
        <source>{budget} would pay for {count} accelerators; the model allows up to {limit}</source>
        <translation>{budget}で賄えるのは {count} 基ですが、モデルの上限は {limit} 基です</translation>
    </message>
    <message>
        <source>{budget} buys {count} accelerators; a whole number of them ({whole}) misses the budget by more than 0.1%</source>
        <translation>{budget}で賄えるのは {count} 基ですが、整数（{whole} 基）では予算との差が 0.1% を超えます</translation>
    </message>
    <message>
        <source>{budget} would pay for {mw} MW; the model allows {low} to {high} MW</source>
        <translation>{budget}で賄えるのは {mw} MW ですが、モデルの許容範囲は {low}～{high} MW です</translation>
    </message>
    <message>
        <source>costs that do not depend on the chip purchase price (energy, CPUs, facility, other) already reach {fixed}, above the budget of {budget}</source>
        <translation>チップの購入価格に左右されないコスト（電力費、CPU費、施設費、その他）だけで{fixed}に達し、予算{budget}を上回っています</translation>
    </message>
    <message>
        <source>costs that do not depend on the chip rent price (energy, CPUs, facility, other) already reach {fixed}, above the budget of {budget}</source>
        <translation>チップのレンタル価格に左右されないコスト（電力費、CPU費、施設費、その他）だけで{fixed}に達し、予算{budget}を上回っています</translation>
    </message>
    <message>
        <source>the chip purchase prices are all zero, so no price level changes the cost</source>
        <translation>チップの購入価格がすべてゼロのため、価格水準を変えてもコストは変わりません</translation>
    </message>
    <message>
        <source>the chip rent prices are all zero, so no price level changes the cost</source>
        <translation>チップのレンタル価格がすべてゼロのため、価格水準を変えてもコストは変わりません</translation>
    </message>
    <message>
        <source>the budget needs chip prices at {factor} × their current level (a chip price scale of {scale}); the model allows {low} to {high}</source>
        <translation>この予算にはチップ価格を現在の {factor} 倍（チップ価格の係数 {scale}）にする必要がありますが、モデルの許容範囲は {low}～{high} です</translation>
    </message>
    <message>
        <source>the budget needs per-chip prices above the allowed {limit}</source>
        <translation>この予算にはチップ別の価格を上限 {limit} より高くする必要があります</translation>
    </message>
    <message>
        <source>USD per accelerator (average purchase)</source>
        <translation>USD/基（平均購入価格）</translation>
    </message>
    <message>
        <source>USD per GPU-hour (average rent, ex power)</source>
        <translation>USD/GPU時間（平均レンタル料、電力費除く）</translation>
    </message>
    <message>
        <source>{price} per accelerator (average purchase)</source>
        <translation>1基あたり{price}（平均購入価格）</translation>
    </message>
    <message>
        <source>{price} per GPU-hour (average rent, ex power)</source>
        <translation>GPU時間あたり{price}（平均レンタル料、電力費除く）</translation>
    </message>
    <message>
        <source>Accelerators installed at full deployment (derived from the power when the fleet is sized by power).</source>
        <translation>全量導入時に設置するアクセラレータ数（電力から規模を決める場合は電力から算出）。</translation>
    </message>
    <message>
        <source>Peak compute (BF16)</source>
        <translation>ピーク計算能力（BF16）</translation>
    </message>
    <message>
        <source>peak BF16 compute</source>
        <translation>BF16ピーク計算能力</translation>
    </message>
    <message>
        <source>Installed dense BF16 FLOP/s at full deployment.</source>
        <translation>全量導入時に設置されるBF16演算性能（密行列、FLOP/s）。</translation>
    </message>
    <message>
        <source>Peak compute (FP8)</source>
        <translation>ピーク計算能力（FP8）</translation>
    </message>
    <message>
        <source>peak FP8 compute</source>
        <translation>FP8ピーク計算能力</translation>
    </message>
    <message>
        <source>Peak compute (FP4)</source>
        <translation>ピーク計算能力（FP4）</translation>
    </message>
    <message>
        <source>peak FP4 compute</source>
        <translation>FP4ピーク計算能力</translation>
    </message>
    <message>
        <source>Effective compute (BF16)</source>
        <translation>実効計算能力（BF16）</translation>
    </message>
    <message>
        <source>effective BF16 compute</source>
        <translation>BF16実効計算能力</translation>
    </message>
    <message>
        <source>Peak BF16 FLOP/s × utilisation × MFU.</source>
        <translation>BF16ピークFLOP/s × 稼働率 × MFU。</translation>
    </message>
    <message>
        <source>Facility power, provisioned</source>
        <translation>設備電力容量（施設）</translation>
    </message>
    <message>
        <source>provisioned facility power</source>
        <translation>設備電力容量</translation>
    </message>
    <message>
        <source>Provisioned power is what the site must deliver on its hottest day with every machine flat out (campuses and deals are quoted in it); the average draw is what the fleet uses on a typical day, and what the energy bill pays for.</source>
        <translation>設備電力容量は、最も暑い日に全機器がフル稼働しても施設が供給しなければならない電力です（キャンパスや契約の規模はこれで示されます）。平均消費電力は通常の日に実際に使う電力で、電力費はこの値で決まります。</translation>
    </message>
    <message>
        <source>IT power, provisioned</source>
        <translation>設備電力容量（IT）</translation>
    </message>
    <message>
        <source>provisioned IT power</source>
        <translation>IT設備電力容量</translation>
    </message>
    <message>
        <source>The systems at nameplate, the cluster beyond the racks and the agent CPUs.</source>
        <translation>定格時のシステム、ラック外のクラスタ設備、エージェント用CPUの合計。</translation>
    </message>
    <message>
        <source>Facility power, average draw</source>
        <translation>平均消費電力（施設）</translation>
    </message>
    <message>
        <source>average facility draw</source>
        <translation>平均消費電力</translation>
    </message>
    <message>
        <source>The fleet&apos;s average draw at its utilisation, times the annual average PUE.</source>
        <translation>稼働率に応じた平均消費電力に年間平均PUEを掛けた値。</translation>
    </message>
    <message>
        <source>IT power, average draw</source>
        <translation>平均消費電力（IT）</translation>
    </message>
    <message>
        <source>average IT draw</source>
        <translation>IT平均消費電力</translation>
    </message>
    <message>
        <source>Accelerators per GW provisioned</source>
        <translation>設備容量1GWあたりアクセラレータ数</translation>
    </message>
    <message>
        <source>accelerators per GW</source>
        <translation>GWあたりアクセラレータ数</translation>
    </message>
    <message>
        <source>Energy over the term</source>
        <translation>契約期間中の電力量</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>電力量</translation>
    </message>
    <message>
        <source>Facility energy at the average draw over the term.</source>
        <translation>契約期間中の平均消費電力に基づく施設全体の電力量。</translation>
    </message>
    <message>
        <source>Agent vCPUs</source>
        <translation>エージェント用vCPU数</translation>
    </message>
    <message>
        <source>agent vCPUs</source>
        <translation>エージェントvCPU数</translation>
    </message>
    <message>
        <source>Concurrent agent sessions</source>
        <translation>エージェント同時セッション数</translation>
    </message>
    <message>
        <source>agent sessions</source>
        <translation>エージェントセッション数</translation>
    </message>
    <message>
        <source>Total cost over the term</source>
        <translation>契約期間中の総コスト</translation>
    </message>
    <message>
        <source>total cost</source>
        <translation>総コスト</translation>
    </message>
    <message>
        <source>Accelerator capacity</source>
        <translation>アクセラレータ費</translation>
    </message>
    <message>
        <source>accelerator capacity cost</source>
        <translation>アクセラレータ費用</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>電力費</translation>
    </message>
    <message>
        <source>energy cost</source>
        <translation>電力費</translation>
    </message>
    <message>
        <source>Agent CPUs</source>
        <translation>エージェントCPU費</translation>
    </message>
    <message>
        <source>Share added to the accelerator and CPU capacity cost for services bought with it. The cluster network is in the GPU-hour price when renting, and in &apos;Network and storage (owned)&apos; when owning: it is not counted here.</source>
        <translation>アクセラレータとCPUの費用に、併せて購入するサービス分として上乗せする比率。クラスタネットワークはレンタルならGPU時間単価に、自社保有なら「ネットワーク・ストレージ（自社保有）」に含まれるため、ここには算入しません。</translation>
    </message>
    <message>
        <source>agent CPU cost</source>
        <translation>エージェントCPU費用</translation>
    </message>
    <message>
        <source>other cost</source>
        <translation>その他費用</translation>
    </message>
    <message>
        <source>Energy share of cost</source>
        <translation>コストに占める電力費の比率</translation>
    </message>
    <message>
        <source>energy share</source>
        <translation>電力費比率</translation>
    </message>
    <message>
        <source>Capital cost to build</source>
        <translation>構築時の設備投資額</translation>
    </message>
    <message>
        <source>capital cost</source>
        <translation>設備投資額</translation>
    </message>
    <message>
        <source>Accelerator systems with their network and storage, the agent CPU servers and the facility build (what the fleet costs to build, whether rented or owned).</source>
        <translation>ネットワーク・ストレージを含むアクセラレータシステム、エージェント用CPUサーバー、施設建設の合計（レンタル・自社保有を問わず、構築にかかる費用）。</translation>
    </message>
    <message>
        <source>Capital cost per GW provisioned</source>
        <translation>設備容量1GWあたり設備投資額</translation>
    </message>
    <message>
        <source>capex per GW</source>
        <translation>GWあたり設備投資</translation>
    </message>
    <message>
        <source>Book value left at the end</source>
        <translation>期末の残存簿価</translation>
    </message>
    <message>
        <source>book value at the end</source>
        <translation>期末簿価</translation>
    </message>
    <message>
        <source>contract value</source>
        <translation>契約総額</translation>
    </message>
    <message>
        <source>Cost ÷ contract value</source>
        <translation>コスト ÷ 契約総額</translation>
    </message>
    <message>
        <source>cost against the contract</source>
        <translation>契約総額に対するコスト</translation>
    </message>
    <message>
        <source>Contract&apos;s implied price per GPU-hour</source>
        <translation>契約から逆算したGPU時間単価</translation>
    </message>
    <message>
        <source>implied price</source>
        <translation>逆算単価</translation>
    </message>
    <message>
        <source>The contract value divided by the GPU-hours installed over the term.</source>
        <translation>契約総額を、契約期間中に設置されたGPU時間で割った値。</translation>
    </message>
    <message>
        <source>GPUs the contract buys at these prices</source>
        <translation>この価格で契約が賄えるGPU数</translation>
    </message>
    <message>
        <source>GPUs the contract buys</source>
        <translation>契約で賄えるGPU数</translation>
    </message>
    <message>
        <source>Cost per busy GPU-hour</source>
        <translation>稼働GPU時間あたりコスト</translation>
    </message>
    <message>
        <source>cost per busy GPU-hour</source>
        <translation>稼働GPU時間あたりコスト</translation>
    </message>
    <message>
        <source>Cost per effective PFLOP-day (BF16)</source>
        <translation>実効PFLOP日あたりコスト（BF16）</translation>
    </message>
    <message>
        <source>cost per PFLOP-day</source>
        <translation>PFLOP日あたりコスト</translation>
    </message>
    <message>
        <source>Output tokens/s per serving GPU</source>
        <translation>推論GPUあたり出力トークン/秒</translation>
    </message>
    <message>
        <source>tokens per GPU</source>
        <translation>GPUあたりトークン数</translation>
    </message>
    <message>
        <source>Output tokens per second</source>
        <translation>出力トークン/秒</translation>
    </message>
    <message>
        <source>fleet tokens per second</source>
        <translation>全体の出力トークン/秒</translation>
    </message>
    <message>
        <source>Output tokens the whole fleet serves per second at full deployment, in its serving hours (utilisation × serving share).</source>
        <translation>全量導入時に、推論に充てる時間（稼働率 × 推論比率）で全体が1秒あたりに生成する出力トークン数。</translation>
    </message>
    <message>
        <source>Cost per million output tokens</source>
        <translation>100万出力トークン単価</translation>
    </message>
    <message>
        <source>cost per M output tokens</source>
        <translation>100万出力トークンあたりコスト</translation>
    </message>
    <message>
        <source>The serving hours&apos; share of the fleet&apos;s cost over the output tokens they serve, for the model, precision and speed per user named with it.</source>
        <translation>全体のコストのうち推論時間に配分した分を、その時間に生成した出力トークン数で割った値。併記したモデル、数値精度、ユーザーあたり速度での値です。</translation>
    </message>
    <message>
        <source>Output tokens over the term</source>
        <translation>契約期間中の出力トークン数</translation>
    </message>
    <message>
        <source>output tokens</source>
        <translation>出力トークン数</translation>
    </message>
    <message>
        <source>Token revenue over the term</source>
        <translation>契約期間中のトークン売上高</translation>
    </message>
    <message>
        <source>token revenue</source>
        <translation>トークン売上高</translation>
    </message>
    <message>
        <source>Gross margin on serving</source>
        <translation>推論の粗利益</translation>
    </message>
    <message>
        <source>gross margin</source>
        <translation>粗利益</translation>
    </message>
    <message>
        <source>Break-even utilisation</source>
        <translation>損益分岐稼働率</translation>
    </message>
    <message>
        <source>break-even utilisation</source>
        <translation>損益分岐稼働率</translation>
    </message>
    <message>
        <source>term</source>
        <translation>契約期間</translation>
    </message>
    <message>
        <source>Announced deals</source>
        <translation>発表済みの契約</translation>
    </message>
    <message>
        <source>What-ifs</source>
        <translation>What-ifシナリオ</translation>
    </message>
    <message>
        <source>OpenAI–AWS deal as announced (USD 38B, 7 years)</source>
        <translation>OpenAI–AWS契約（発表どおり、380億ドル・7年）</translation>
    </message>
    <message>
        <source>Announced (OpenAI and AWS, 3 November 2025): USD 38B over 7 years from November 2025; NVIDIA GB200 and GB300 on EC2 UltraServers; &apos;hundreds of thousands&apos; of GPUs; all capacity deployed before the end of 2026. Sourced estimates: catalog rents (SemiAnalysis 3-year rental tier), power per GPU, PUE. Your levers: the GPU count (not disclosed; 200,000 here) and the 50/50 chip split (not disclosed). The KPIs show the price per GPU-hour the contract implies and how many GPUs it buys at catalog prices.</source>
        <translation>発表内容（OpenAIとAWS、2025年11月3日）：2025年11月から7年間で380億ドル。EC2 UltraServers上のNVIDIA GB200およびGB300で、GPUは「数十万基」。全キャパシティを2026年末までに導入。出典のある推定値：チップカタログのレンタル料金（SemiAnalysis 3-year rental tier）、GPUあたり電力、PUE。調整できる前提：GPU数（非開示。ここでは20万基）とチップ構成50/50（非開示）。KPIには、契約から逆算したGPU時間単価と、カタログ価格で契約が賄えるGPU数を表示します。</translation>
    </message>
    <message>
        <source>OpenAI–Oracle Stargate (about USD 300B over about 5 years, 4.5 GW)</source>
        <translation>OpenAI–Oracle Stargate（約3,000億ドル・約5年、4.5 GW）</translation>
    </message>
    <message>
        <source>Announced (OpenAI, 22 July 2025): 4.5 GW of additional Stargate data-centre capacity with Oracle in the US, Oracle delivering NVIDIA GB200 racks at Abilene. Reported, not confirmed by the companies (Wall Street Journal, September 2025): about USD 300B of computing power over roughly five years, starting in 2027. Sized by power as announced (4.5 GW provisioned). Sourced estimates: catalog rents and power per GPU. Your levers: the GB200/GB300 split (not disclosed; 50/50), the ramp (not disclosed; full by mid-2028) and the term&apos;s start.</source>
        <translation>発表内容（OpenAI、2025年7月22日）：Oracleと米国でStargateのデータセンター容量を4.5 GW追加し、OracleがAbileneでNVIDIA GB200ラックを提供。報道ベースで両社は未確認（Wall Street Journal、2025年9月）：2027年から約5年間で約3,000億ドル分の計算能力。発表どおり電力（設備電力容量4.5 GW）で規模を設定。出典のある推定値：チップカタログのレンタル料金とGPUあたり電力。調整できる前提：GB200/GB300の構成比（非開示。50/50）、導入ペース（非開示。2028年半ばに全量導入）、契約期間の開始時期。</translation>
    </message>
    <message>
        <source>OpenAI–NVIDIA (10 GW of Vera Rubin systems, letter of intent)</source>
        <translation>OpenAI–NVIDIA（Vera Rubinシステム10 GW、基本合意書）</translation>
    </message>
    <message>
        <source>Announced (NVIDIA and OpenAI, 22 September 2025, a letter of intent): at least 10 GW of NVIDIA systems for OpenAI, the first gigawatt in the second half of 2026 on the Vera Rubin platform; NVIDIA to invest up to USD 100B progressively as each gigawatt is deployed. Jensen Huang: 10 GW is &apos;roughly 4 million or 5 million GPUs&apos; (CNBC). No purchase value or schedule beyond the first gigawatt was published. Sized by power as announced, owned (OpenAI buys the systems). Estimates: Vera Rubin&apos;s specs, power and price (catalog row VR200, per GPU die as NVIDIA counts them), full deployment by the end of 2029, a 6-year horizon. No contract value: none was announced.</source>
        <translation>発表内容（NVIDIAとOpenAI、2025年9月22日、基本合意書）：OpenAI向けに少なくとも10 GWのNVIDIAシステムを導入し、最初の1 GWは2026年後半にVera Rubinプラットフォームで稼働。NVIDIAは1 GWの導入ごとに段階的に最大1,000億ドルを投資。ジェンスン・フアンCEOによれば10 GWは「およそ400万〜500万基のGPU」（CNBC）。購入額や最初の1 GW以降のスケジュールは未公表。発表どおり電力で規模を設定し、自社保有（OpenAIがシステムを購入）。推定値：Vera Rubinの仕様・電力・価格（チップカタログのVR200。NVIDIAの数え方に従いGPUダイ単位）、2029年末までに全量導入、6年間の期間。契約総額は設定なし（発表されていないため）。</translation>
    </message>
    <message>
        <source>OpenAI–AMD (6 GW of Instinct GPUs)</source>
        <translation>OpenAI–AMD（Instinct GPU 6 GW）</translation>
    </message>
    <message>
        <source>Announced (AMD and OpenAI, 6 October 2025): 6 GW of AMD Instinct GPUs over several generations, the first gigawatt of MI450 from the second half of 2026; a warrant for up to 160 million AMD shares vesting with deployment. AMD expects &apos;tens of billions of dollars&apos; of revenue; analysts estimate about USD 90B (More Than Moore). No contract value or schedule beyond the first gigawatt was published. Sized by power as announced, owned. Estimates: MI450&apos;s power and price (catalog row MI450), full deployment by the end of 2029, a 6-year horizon.</source>
        <translation>発表内容（AMDとOpenAI、2025年10月6日）：複数世代にわたるAMD Instinct GPU 6 GW。最初の1 GWは2026年後半からMI450で導入。導入に応じて権利が確定する、最大1億6,000万株のAMD株のワラント。AMDは「数百億ドル」の売上高を見込み、アナリスト推計は約900億ドル（More Than Moore）。契約総額や最初の1 GW以降のスケジュールは未公表。発表どおり電力で規模を設定し、自社保有。推定値：MI450の電力と価格（チップカタログのMI450）、2029年末までに全量導入、6年間の期間。</translation>
    </message>
    <message>
        <source>OpenAI–Broadcom (10 GW of custom accelerators, 2026–2029)</source>
        <translation>OpenAI–Broadcom（カスタムアクセラレータ10 GW、2026–2029年）</translation>
    </message>
    <message>
        <source>Announced (Broadcom and OpenAI, 13 October 2025): 10 GW of OpenAI-designed accelerators and Broadcom Ethernet networking, racks deployed from the second half of 2026 to the end of 2029; no equity component. No value, chip count or chip specification was published. Sized by power as announced, owned. Estimates: the accelerator itself (catalog row XPU, taken as the class of Google&apos;s TPU7x, which Broadcom co-designs), its power and price, a 6-year horizon.</source>
        <translation>発表内容（BroadcomとOpenAI、2025年10月13日）：OpenAI設計のアクセラレータとBroadcomのEthernetネットワーク機器で計10 GW。ラックは2026年後半から2029年末にかけて導入し、出資は伴わない。金額、チップ数、チップ仕様は未公表。発表どおり電力で規模を設定し、自社保有。推定値：アクセラレータ本体（チップカタログのXPU。Broadcomが共同設計するGoogleのTPU7xと同クラスと想定）とその電力・価格、6年間の期間。</translation>
    </message>
    <message>
        <source>OpenAI–CoreWeave (USD 22.4B in three contracts)</source>
        <translation>OpenAI–CoreWeave（3契約で計224億ドル）</translation>
    </message>
    <message>
        <source>Announced and reported (Reuters, 25 September 2025): contracts of up to USD 11.9B (March 2025, five years), USD 4B (May) and USD 6.5B (September) for USD 22.4B in all. CoreWeave runs NVIDIA GB200 and GB300 NVL72 systems; the GPU count and power were not disclosed. Sized by the money as announced: the GPU count here is the one whose cost over the term equals USD 22.4B at the catalog&apos;s rents (derived, not announced). Estimates: the 50/50 chip split, five years from April 2025, full deployment by mid-2026.</source>
        <translation>発表・報道（Reuters、2025年9月25日）：最大119億ドル（2025年3月、5年間）、40億ドル（5月）、65億ドル（9月）の3契約で計224億ドル。CoreWeaveはNVIDIA GB200およびGB300 NVL72システムを運用。GPU数と電力は非開示。発表どおり金額で規模を設定：ここでのGPU数は、カタログのレンタル料金で契約期間中のコストが224億ドルになる数（算出値であり、発表値ではない）。推定値：チップ構成50/50、2025年4月から5年間、2026年半ばに全量導入。</translation>
    </message>
    <message>
        <source>OpenAI–Microsoft (USD 250B of incremental Azure commitments)</source>
        <translation>OpenAI–Microsoft（Azure追加契約2,500億ドル）</translation>
    </message>
    <message>
        <source>Announced (Microsoft and OpenAI, 28 October 2025, with OpenAI&apos;s restructuring): OpenAI has contracted to buy an incremental USD 250B of Azure services, and Microsoft no longer has a right of first refusal as OpenAI&apos;s compute provider. No term, chips or power were published. Sized by the money as announced: the GPU count is the one whose cost over the term equals USD 250B at the catalog&apos;s rents (derived). Estimates: GB300 and Vera Rubin (Microsoft&apos;s Fairwater sites run GB200/GB300), seven years from 2026 to match the IP terms through 2032, full deployment by the end of 2028.</source>
        <translation>発表内容（MicrosoftとOpenAI、2025年10月28日、OpenAIの組織再編に伴うもの）：OpenAIはAzureサービスを2,500億ドル追加購入する契約を結び、MicrosoftはOpenAIの計算資源提供者としての優先交渉権（right of first refusal）を持たなくなった。契約期間、チップ、電力は未公表。発表どおり金額で規模を設定：GPU数は、カタログのレンタル料金で契約期間中のコストが2,500億ドルになる数（算出値）。推定値：GB300とVera Rubin（MicrosoftのFairwater拠点はGB200/GB300を運用）、2032年までのIP条項に合わせて2026年から7年間、2028年末までに全量導入。</translation>
    </message>
    <message>
        <source>Anthropic–Google Cloud (up to one million TPUs)</source>
        <translation>Anthropic–Google Cloud（最大100万基のTPU）</translation>
    </message>
    <message>
        <source>Announced (Anthropic and Google, 23 October 2025): access to up to one million Google TPUs, including the seventh-generation Ironwood, &apos;well over a gigawatt&apos; of capacity coming online in 2026, a deal worth &apos;tens of billions of dollars&apos;. The term and the exact value were not disclosed. Sized by accelerators as announced (1,000,000 TPU7x). Estimates: all of them Ironwood, online through 2026, five years; no contract value is set (none was published).</source>
        <translation>発表内容（AnthropicとGoogle、2025年10月23日）：第7世代のIronwoodを含む最大100万基のGoogle TPUを利用。2026年に「1ギガワットを大きく上回る」容量が稼働し、契約規模は「数百億ドル」。契約期間と正確な金額は非開示。発表どおりアクセラレータ数（TPU7x 100万基）で規模を設定。推定値：すべてIronwood、2026年を通じて順次稼働、期間5年。契約総額は設定なし（公表されていないため）。</translation>
    </message>
    <message>
        <source>Custom-silicon heavy: Trainium-led fleet</source>
        <translation>カスタムシリコン重視：Trainium主体の構成</translation>
    </message>
    <message>
        <source>The same USD 38B envelope and ramp, but most of the fleet on AWS Trainium3 and Trainium2 with a GB300 minority, as AWS proposes for cost-sensitive training and serving. The GPU count is the one the USD 38B buys at the catalog&apos;s (estimated) prices. Custom silicon is cheaper per chip-hour and per watt but has fewer FLOP/s per chip: compare capacity, power and cost per million tokens.</source>
        <translation>同じ380億ドルの枠と導入ペースで、大半をAWS Trainium3とTrainium2とし、GB300を少数とした構成。AWSがコスト重視の学習・推論向けに提案している形です。GPU数は、カタログの（推定）価格で380億ドルが賄える数。カスタムシリコンはチップ時間あたり・ワットあたりでは割安ですが、チップあたりのFLOP/sは小さくなります。計算能力、電力、100万トークンあたりコストを比較してください。</translation>
    </message>
    <message>
        <source>Agent-heavy: tens of millions of vCPUs</source>
        <translation>エージェント重視：数千万vCPU</translation>
    </message>
    <message>
        <source>The announced fleet with the option the deal mentions taken up: &apos;tens of millions of CPUs&apos; for agentic workloads. 100 vCPUs per accelerator gives 20 million vCPUs at full deployment, about 10 million concurrent agent sessions at 2 vCPUs each.</source>
        <translation>発表どおりの構成に、契約で言及されたオプション（エージェント型ワークロード向けの「数千万個のCPU」）を行使した場合。アクセラレータ1基あたり100 vCPUで全量導入時に2,000万vCPU、1セッション2 vCPUとしてエージェントの同時セッションは約1,000万です。</translation>
    </message>
    <message>
        <source>Expensive-energy region (New England prices)</source>
        <translation>電力価格の高い地域（ニューイングランド）</translation>
    </message>
    <message>
        <source>The announced fleet sited where electricity costs twice the US industrial average: New England&apos;s industrial price of 17.29 ¢/kWh (EIA Electric Power Monthly table 5.6.A, April 2025), with an older facility at PUE 1.3 (design PUE 1.45). Energy is billed as metered (passed through). Japan&apos;s industrial tariffs (roughly ¥20–30/kWh) are in the same range or above.</source>
        <translation>発表どおりの構成を、電力価格が米国の産業用平均の2倍の地域に置いた場合：ニューイングランドの産業用電力価格17.29 ¢/kWh（EIA Electric Power Monthly table 5.6.A, April 2025）、旧世代の施設でPUE 1.3（設計PUE 1.45）。電力費は実使用量で課金（パススルー）。日本の産業用電気料金（約20〜30円/kWh）も同水準かそれ以上です。</translation>
    </message>
    <message>
        <source>Build and own instead of renting</source>
        <translation>レンタルせず自社で構築・保有</translation>
    </message>
    <message>
        <source>The announced fleet bought outright: accelerator systems at the catalog&apos;s prices plus 25% for the cluster network and storage, depreciated over a 5-year economic life to a 10% residual value and replaced at its end; data-centre space at USD 150 per kW per month; electricity at the US industrial average. The capital cost figures (capex per GW) include the facility build.</source>
        <translation>発表どおりの構成を買い取って保有する場合：アクセラレータシステムはカタログ価格に、クラスタネットワークとストレージ分として25%を上乗せ。経済耐用年数5年で残存価額10%まで償却し、耐用年数経過時に更新。データセンタースペースは1kWあたり月150ドル、電力は米国の産業用平均価格。設備投資額の指標（GWあたり設備投資）には施設建設費を含みます。</translation>
    </message>
    <message>
        <source>OpenAI compute commitments (announced, 2025)</source>
        <translation>OpenAIの計算資源コミットメント（2025年発表分）</translation>
    </message>
    <message>
        <source>Seven compute deals OpenAI announced, or was reported to have made, in 2025, each a shipped preset sized the way it was announced (each preset&apos;s description gives its figures and estimates). They are not alike. The Microsoft figure (USD 250B of incremental Azure services) and the Oracle figure (about USD 300B over about five years, reported by the Wall Street Journal and not confirmed by the companies) are reported totals: no term, chips or schedule were published with them. The NVIDIA letter of intent and the AMD and Broadcom deals are stated in gigawatts, not dollars, and are not binding purchase contracts with a value: their cost here is the model&apos;s estimate of owning those fleets. They are switched on by default, because this portfolio is what OpenAI announced and OpenAI&apos;s own round figure counts them (Sam Altman, 28 October 2025: about 30 GW and about USD 1.4 trillion of commitments); switch them off to see the contracted part alone (AWS, Oracle, Microsoft, CoreWeave).</source>
        <translation>OpenAIが2025年に発表した、または締結が報じられた計算資源の7案件。いずれも同梱のプリセットで、発表どおりの規模で設定している（数値と推定の内容は各プリセットの説明を参照）。性格は案件ごとに異なる。Microsoft（Azureサービスの追加購入2,500億ドル）とOracle（約5年で約3,000億ドル。ウォール・ストリート・ジャーナルの報道で、両社は認めていない）は報じられた総額で、期間・チップ・導入時期は公表されていない。NVIDIAの基本合意書とAMD・Broadcomとの案件はドルではなくギガワットで示されたもので、金額の定まった拘束力のある購入契約ではない。ここでのコストは、その規模のフリートを自社保有した場合のモデル上の推定である。これらは既定で有効にしている。このポートフォリオはOpenAIが発表した内容そのものであり、OpenAI自身が示した概数もこれらを含むため（サム・アルトマン、2025年10月28日：約30 GW、約1.4兆ドルのコミットメント）。無効にすると契約済みの部分（AWS、Oracle、Microsoft、CoreWeave）だけを確認できる。</translation>
    </message>
    <message>
        <source>the chip catalog is empty</source>
        <translation>チップカタログが空です</translation>
    </message>
    <message>
        <source> Did you mean &apos;{name}&apos;?</source>
        <translation>&apos;{name}&apos; のことですか？</translation>
    </message>
    <message>
        <source>{ids} and {count} more</source>
        <translation>{ids} ほか {count} 件</translation>
    </message>
    <message>
        <source>unknown chip id &apos;{id}&apos;.{hint} Valid ids: {ids}</source>
        <translation>不明なチップ ID &apos;{id}&apos; です。{hint}有効な ID: {ids}</translation>
    </message>
    <message>
        <source>{file}, row 1: the header is not readable as CSV ({problem})</source>
        <translation>{file}、1 行目: ヘッダーを CSV として読み込めません（{problem}）</translation>
    </message>
    <message>
        <source>{file}: the first line must be a header with an &apos;id&apos; column (columns: {columns})</source>
        <translation>{file}: 1 行目は &apos;id&apos; 列を含むヘッダーにしてください（列: {columns}）</translation>
    </message>
    <message>
        <source>{file}: column &apos;{column}&apos; appears twice in the header</source>
        <translation>{file}: ヘッダーに列 &apos;{column}&apos; が2回あります</translation>
    </message>
    <message>
        <source>{file}: unknown column &apos;{column}&apos;.{hint} Valid columns: {columns}</source>
        <translation>{file}: 不明な列 &apos;{column}&apos; です。{hint}有効な列: {columns}</translation>
    </message>
    <message>
        <source>{file}: missing columns: {columns}</source>
        <translation>{file}: 列が不足しています: {columns}</translation>
    </message>
    <message>
        <source>{file}, row {row}: not readable as CSV ({problem})</source>
        <translation>{file}、{row} 行目: CSV として読み込めません（{problem}）</translation>
    </message>
    <message>
        <source>{file}, row {row}: more cells than columns in the header</source>
        <translation>{file}、{row} 行目: セルの数がヘッダーの列数より多くなっています</translation>
    </message>
    <message>
        <source>{file}, row {row}, column &apos;id&apos;: &apos;{id}&apos; is not a valid chip id (letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;+&apos;, &apos;-&apos;; up to 32 characters)</source>
        <translation>{file}、{row} 行目、列 &apos;id&apos;: &apos;{id}&apos; は有効なチップ ID ではありません（英数字と &apos;_&apos;、&apos;.&apos;、&apos;+&apos;、&apos;-&apos;、32 文字以内）</translation>
    </message>
    <message>
        <source>{file}, row {row} (chip &apos;{id}&apos;), column &apos;{column}&apos;: {problem}</source>
        <translation>{file}、{row} 行目（チップ &apos;{id}&apos;）、列 &apos;{column}&apos;: {problem}</translation>
    </message>
    <message>
        <source>chip &apos;{id}&apos; appears twice</source>
        <translation>チップ &apos;{id}&apos; が2回出現しています</translation>
    </message>
    <message>
        <source>a value is required for a new chip</source>
        <translation>新しいチップには値が必要です</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number</source>
        <translation>&apos;{value}&apos; は数値ではありません</translation>
    </message>
    <message>
        <source>{value} is outside the allowed range {low} to {high}</source>
        <translation>{value} は許容範囲 {low}～{high} の外です</translation>
    </message>
    <message>
        <source>{value} is not a whole number of accelerators</source>
        <translation>{value} はアクセラレータ数として整数ではありません</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not true or false</source>
        <translation>&apos;{value}&apos; は true でも false でもありません</translation>
    </message>
    <message>
        <source>the text holds {problem}</source>
        <translation>テキストに{problem}が含まれています</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date like 2026-11</source>
        <translation>&apos;{value}&apos; は 2026-11 のような日付ではありません</translation>
    </message>
    <message>
        <source>{system} W is below the chip&apos;s TDP ({tdp} W); it is the whole system&apos;s power divided by its accelerators</source>
        <translation>{system} W はチップの TDP（{tdp} W）を下回っています。この列はシステム全体の電力をアクセラレータ数で割った値です</translation>
    </message>
    <message>
        <source>{file}: no chips found</source>
        <translation>{file}: チップが見つかりません</translation>
    </message>
    <message>
        <source>catalog file</source>
        <translation>カタログファイル</translation>
    </message>
    <message>
        <source>UTF-8 CSV</source>
        <translation>UTF-8 の CSV</translation>
    </message>
    <message>
        <source>… ({count} characters)</source>
        <translation>…（{count}文字）</translation>
    </message>
    <message>
        <source>a character that cannot be saved (U+{code}, half of a pair)</source>
        <translation>保存できない文字（U+{code}、サロゲートペアの片方）</translation>
    </message>
    <message>
        <source>a control character (U+{code})</source>
        <translation>制御文字（U+{code}）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source> or </source>
        <comment>between the choices of a value</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>a month written YYYY-MM</source>
        <translation>YYYY-MM 形式の年月</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low}～{high}</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a number ({allowed}), got {value} ({type})</source>
        <translation>&apos;{key}&apos; は数値で指定してください（{allowed}）。指定値: {value}（{type}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; = {value} is out of range: allowed {allowed}{unit}</source>
        <translation>&apos;{key}&apos; = {value} は範囲外です: 許容範囲は {allowed}{unit}</translation>
    </message>
    <message>
        <source>{label}: {value} is outside what is allowed, {low} to {high}</source>
        <translation>{label}: {value} は許容範囲（{low}～{high}）の外です</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a whole number ({allowed}), got {value}</source>
        <translation>&apos;{key}&apos; は整数で指定してください（{allowed}）。指定値: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text, got {value} ({type})</source>
        <translation>&apos;{key}&apos; はテキストで指定してください。指定値: {value}（{type}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is too long: {count} characters, allowed up to {limit}</source>
        <translation>&apos;{key}&apos; が長すぎます: {count} 文字（上限 {limit} 文字）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; holds {problem}; remove it</source>
        <translation>&apos;{key}&apos; に{problem}が含まれています。削除してください</translation>
    </message>
    <message>
        <source>{label} holds {problem}; remove it</source>
        <translation>{label}に{problem}が含まれています。削除してください</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a month written YYYY-MM between 2000-01 and 2100-12, got {value}</source>
        <translation>&apos;{key}&apos; は 2000-01～2100-12 の年月を YYYY-MM 形式で指定してください。指定値: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be {choices}, got {value}</source>
        <translation>&apos;{key}&apos; は {choices} のいずれかにしてください。指定値: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be true or false, got {value} ({type})</source>
        <translation>&apos;{key}&apos; は true または false で指定してください。指定値: {value}（{type}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list of chip ids, got {value}</source>
        <translation>&apos;{key}&apos; はチップ ID のリストで指定してください。指定値: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; has {count} chips; at most {limit} are allowed</source>
        <translation>&apos;{key}&apos; のチップが {count} 個あります（上限 {limit} 個）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be an object of chip id to number, got {value} ({type})</source>
        <translation>&apos;{key}&apos; はチップ ID から数値へのオブジェクトで指定してください。指定値: {value}（{type}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; has a key that is not a chip id: {value}</source>
        <translation>&apos;{key}&apos; にチップ ID ではないキーがあります: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a share from 0 to 1,000,000 (shares are normalised to sum to 1), got {value}</source>
        <translation>&apos;{key}&apos; は 0～1,000,000 の比率で指定してください（合計が1になるよう正規化されます）。指定値: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; needs at least one chip with a share above 0, got {value}</source>
        <translation>&apos;{key}&apos; には比率が0より大きいチップが少なくとも1つ必要です。指定値: {value}</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a {what}</source>
        <translation>{path}: フォルダです（{what}ではありません）</translation>
    </message>
    <message>
        <source>{path}: is not a regular file (a device or a pipe), not a {what}</source>
        <translation>{path}: 通常のファイルではありません（デバイスまたはパイプ）。{what}ではありません</translation>
    </message>
    <message>
        <source>{name}: too large for a {what} ({size} bytes; at most {limit})</source>
        <translation>{name}: {what}としては大きすぎます（{size} バイト、上限 {limit} バイト）</translation>
    </message>
    <message>
        <source>{name}: too large for a {what} (over {limit} bytes)</source>
        <translation>{name}: {what}としては大きすぎます（{limit} バイト超）</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: ファイルが見つかりません</translation>
    </message>
    <message>
        <source>{path}: permission denied</source>
        <translation>{path}: アクセス権がありません</translation>
    </message>
    <message>
        <source>{path}: a symbolic link that loops</source>
        <translation>{path}: ループしたシンボリックリンクです</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: 読み込めません（{reason}）</translation>
    </message>
    <message>
        <source>{name}: too large to read</source>
        <translation>{name}: 大きすぎて読み込めません</translation>
    </message>
    <message>
        <source>{name}: not a text file (a {what} is {hint})</source>
        <translation>{name}: テキストファイルではありません（{what}は{hint}です）</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>{path} に書き込めません: {reason}</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>出力ファイルが指定されていません</translation>
    </message>
    <message>
        <source>cannot write {path}: it is a symbolic link that loops</source>
        <translation>{path} に書き込めません: ループしたシンボリックリンクです</translation>
    </message>
    <message>
        <source>cannot write {path}: it is a folder</source>
        <translation>{path} に書き込めません: フォルダです</translation>
    </message>
    <message>
        <source>cannot write {path}: it is not a regular file</source>
        <translation>{path} に書き込めません: 通常のファイルではありません</translation>
    </message>
    <message>
        <source>cannot write {path}: the file is read-only (make it writable, or choose another name)</source>
        <translation>{path} に書き込めません: 読み取り専用のファイルです（書き込み可能にするか、別の名前を選んでください）</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>{path} に書き込めません: フォルダ {folder} が存在しません</translation>
    </message>
    <message>
        <source>cannot write {path}: no permission to write in {folder}</source>
        <translation>{path} に書き込めません: {folder} への書き込み権限がありません</translation>
    </message>
    <message>
        <source>cannot write {path}: no free temporary name in {folder}</source>
        <translation>{path} に書き込めません: {folder} に一時ファイルの名前を確保できません</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason} (none of the {count} files was changed)</source>
        <translation>{path} に書き込めません: {reason}（{count} 個のファイルはいずれも変更されていません）</translation>
    </message>
    <message>
        <source>cannot write {path}: the text holds a character that cannot be saved (U+{code})</source>
        <translation>{path} に書き込めません: 保存できない文字（U+{code}）が含まれています</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n}か月</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>トークン/秒</translation>
    </message>
    <message>
        <source>{n} tok/s</source>
        <translation>{n} トークン/秒</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>share</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>months</source>
        <translation>か月</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>accelerators</source>
        <comment>unit</comment>
        <translation>基</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <comment>unit</comment>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>sessions</source>
        <comment>unit</comment>
        <translation>セッション</translation>
    </message>
    <message>
        <source>months</source>
        <comment>unit</comment>
        <translation>か月</translation>
    </message>
    <message>
        <source>tokens</source>
        <comment>unit</comment>
        <translation>トークン</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <comment>unit</comment>
        <translation>トークン/秒</translation>
    </message>
    <message>
        <source>share</source>
        <comment>unit</comment>
        <translation>比率</translation>
    </message>
    <message>
        <source>years</source>
        <comment>unit</comment>
        <translation>年</translation>
    </message>
    <message>
        <source>= as saved</source>
        <translation>保存時と同じ</translation>
    </message>
    <message>
        <source>= as opened</source>
        <translation>開いた時点と同じ</translation>
    </message>
    <message>
        <source>= as baseline</source>
        <translation>ベースラインと同じ</translation>
    </message>
    <message>
        <source>= as first slide</source>
        <translation>最初のスライドと同じ</translation>
    </message>
    <message>
        <source>new vs saved</source>
        <translation>保存時はなし</translation>
    </message>
    <message>
        <source>new vs opened</source>
        <translation>開いた時点はなし</translation>
    </message>
    <message>
        <source>new vs baseline</source>
        <translation>ベースラインはなし</translation>
    </message>
    <message>
        <source>new vs first slide</source>
        <translation>最初のスライドにはなし</translation>
    </message>
    <message>
        <source>{change} vs saved</source>
        <translation>保存時比 {change}</translation>
    </message>
    <message>
        <source>{change} vs opened</source>
        <translation>開いた時点比 {change}</translation>
    </message>
    <message>
        <source>{change} vs baseline</source>
        <translation>ベースライン比 {change}</translation>
    </message>
    <message>
        <source>{change} vs first slide</source>
        <translation>最初のスライド比 {change}</translation>
    </message>
    <message>
        <source>{model}, {precision}, {speed} tok/s per user</source>
        <translation>{model}、{precision}、ユーザーあたり{speed}トークン/秒</translation>
    </message>
    <message>
        <source>a chip mix needs at least one chip</source>
        <translation>チップ構成には少なくとも1つのチップが必要です</translation>
    </message>
    <message>
        <source>no scenarios to evaluate</source>
        <translation>評価するシナリオがありません</translation>
    </message>
    <message>
        <source>scenarios evaluated in one batch must share &apos;start&apos; and &apos;term_months&apos; (got {first} and {other})</source>
        <translation>一括で評価するシナリオは &apos;start&apos; と &apos;term_months&apos; が同じである必要があります（{first} と {other}）</translation>
    </message>
    <message>
        <source>Untitled portfolio</source>
        <translation>無題のポートフォリオ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Own build</source>
        <translation>自社構築</translation>
    </message>
    <message>
        <source>Custom silicon</source>
        <translation>カスタムシリコン</translation>
    </message>
    <message>
        <source>Other merchant</source>
        <translation>その他の汎用チップ</translation>
    </message>
    <message>
        <source>&apos;label&apos; is empty: give the member a name</source>
        <translation>&apos;label&apos; が空です。案件に名前を付けてください</translation>
    </message>
    <message>
        <source>&apos;enabled&apos; must be true or false, got {value}</source>
        <translation>&apos;enabled&apos; は true か false で指定してください（指定値: {value}）</translation>
    </message>
    <message>
        <source>a member&apos;s source is one of {kinds}, got {value}</source>
        <translation>案件の参照元は {kinds} のいずれかです（指定値: {value}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is empty: name the member&apos;s {key}</source>
        <translation>&apos;{key}&apos; が空です。案件の {key} を指定してください</translation>
    </message>
    <message>
        <source>a member holds a scenario, got {type}</source>
        <translation>案件にはシナリオを指定します（指定されたのは{type}）</translation>
    </message>
    <message>
        <source>a portfolio&apos;s members are Member values, got {type}</source>
        <translation>ポートフォリオの案件は Member の値です（指定されたのは{type}）</translation>
    </message>
    <message>
        <source>two members are labelled &apos;{label}&apos;: labels must be unique</source>
        <translation>2件の案件のラベルが &apos;{label}&apos; です。ラベルは一意にしてください</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text, got {type}</source>
        <translation>&apos;{key}&apos; はテキストで指定してください（指定値: {type}）</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is too long ({count} characters; at most {limit})</source>
        <translation>&apos;{key}&apos; が長すぎます（{count}文字。上限は{limit}文字）</translation>
    </message>
    <message>
        <source>&apos;provider&apos; = {value} is not a known provider.{hint} Providers: {providers}</source>
        <translation>&apos;provider&apos; = {value} は既知の調達先ではありません。{hint}調達先: {providers}</translation>
    </message>
    <message>
        <source>member {number}: {problem}</source>
        <translation>案件{number}: {problem}</translation>
    </message>
    <message>
        <source>member &apos;{label}&apos;: {problem}</source>
        <translation>案件 &apos;{label}&apos;: {problem}</translation>
    </message>
    <message>
        <source>not a {what}: nested too deeply</source>
        <translation>{what}ではありません: 入れ子が深すぎます</translation>
    </message>
    <message>
        <source>not a valid {what}: {problem}</source>
        <translation>有効な{what}ではありません: {problem}</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos;.{hint} Valid keys: {keys}</source>
        <translation>不明なキー &apos;{key}&apos; です。{hint}有効なキー: {keys}</translation>
    </message>
    <message>
        <source>portfolio file</source>
        <translation>ポートフォリオファイル</translation>
    </message>
    <message>
        <source>&apos;file&apos; = {value} is this portfolio itself: a portfolio cannot be its own member (a cycle)</source>
        <translation>&apos;file&apos; = {value} はこのポートフォリオ自身です。ポートフォリオを自身の案件にはできません（循環参照）</translation>
    </message>
    <message>
        <source>&apos;file&apos; = {value}: no such scenario file (looked for {path})</source>
        <translation>&apos;file&apos; = {value}: そのようなシナリオファイルはありません（参照先: {path}）</translation>
    </message>
    <message>
        <source>&apos;file&apos; = {value} is a portfolio that refers back to this one (a cycle): a member must be a scenario</source>
        <translation>&apos;file&apos; = {value} はこのポートフォリオを参照し返すポートフォリオです（循環参照）。案件はシナリオにしてください</translation>
    </message>
    <message>
        <source>&apos;file&apos; = {value} is a portfolio, not a scenario: portfolios do not nest (a member must be a scenario file)</source>
        <translation>&apos;file&apos; = {value} はシナリオではなくポートフォリオです。ポートフォリオは入れ子にできません（案件はシナリオファイルにしてください）</translation>
    </message>
    <message>
        <source>a member is a JSON object, got {type}</source>
        <translation>案件は JSON オブジェクトで記述します（記述されているのは{type}）</translation>
    </message>
    <message>
        <source>&apos;label&apos; is missing: give each member a unique label</source>
        <translation>&apos;label&apos; がありません。各案件に重複しないラベルを付けてください</translation>
    </message>
    <message>
        <source>&apos;label&apos; must be text, got {type}</source>
        <translation>&apos;label&apos; はテキストで指定してください（指定値: {type}）</translation>
    </message>
    <message>
        <source>the label appears twice: labels must be unique</source>
        <translation>ラベルが重複しています。ラベルは一意にしてください</translation>
    </message>
    <message>
        <source>&apos;provider&apos; is missing (one of {providers})</source>
        <translation>&apos;provider&apos; がありません（{providers} のいずれか）</translation>
    </message>
    <message>
        <source>give exactly one of &apos;preset&apos;, &apos;file&apos; or &apos;scenario&apos;, got {given}</source>
        <translation>&apos;preset&apos;、&apos;file&apos;、&apos;scenario&apos; のうち1つだけを指定してください（指定: {given}）</translation>
    </message>
    <message>
        <source>give one of &apos;preset&apos; (a shipped preset), &apos;file&apos; (a scenario file) or &apos;scenario&apos; (an embedded scenario)</source>
        <translation>&apos;preset&apos;（同梱のプリセット）、&apos;file&apos;（シナリオファイル）、&apos;scenario&apos;（埋め込みシナリオ）のいずれかを指定してください</translation>
    </message>
    <message>
        <source>&apos;preset&apos; must be a preset name, got {type}</source>
        <translation>&apos;preset&apos; はプリセット名で指定してください（指定値: {type}）</translation>
    </message>
    <message>
        <source>&apos;preset&apos; = {value} is not a shipped preset.{hint} Presets: {presets}</source>
        <translation>&apos;preset&apos; = {value} は同梱のプリセットではありません。{hint}プリセット: {presets}</translation>
    </message>
    <message>
        <source>&apos;file&apos; must be the path of a scenario file, got {value}</source>
        <translation>&apos;file&apos; はシナリオファイルのパスで指定してください（指定値: {value}）</translation>
    </message>
    <message>
        <source>&apos;scenario&apos; must be a scenario object (the scenario file format), got {type}</source>
        <translation>&apos;scenario&apos; はシナリオのオブジェクト（シナリオファイルの形式）で指定してください（指定値: {type}）</translation>
    </message>
    <message>
        <source>&apos;scenario&apos;: {problem}</source>
        <translation>&apos;scenario&apos;: {problem}</translation>
    </message>
    <message>
        <source>a portfolio file holds one JSON object, got {type}</source>
        <translation>ポートフォリオファイルには JSON オブジェクトを1つ記述します（記述されているのは{type}）</translation>
    </message>
    <message>
        <source>not a portfolio file: it has no &apos;members&apos; and looks like a scenario file (it has &apos;{key}&apos;)</source>
        <translation>ポートフォリオファイルではありません: &apos;members&apos; がなく、シナリオファイルのようです（&apos;{key}&apos; があります）</translation>
    </message>
    <message>
        <source>not a portfolio file: &apos;schema_version&apos; is missing (add &quot;schema_version&quot;: {version})</source>
        <translation>ポートフォリオファイルではありません: &apos;schema_version&apos; がありません（&quot;schema_version&quot;: {version} を追加してください）</translation>
    </message>
    <message>
        <source>not a portfolio file: &apos;members&apos; is missing (a list of members)</source>
        <translation>ポートフォリオファイルではありません: &apos;members&apos;（案件のリスト）がありません</translation>
    </message>
    <message>
        <source>&apos;sources&apos; must be a list of texts, got {value}</source>
        <translation>&apos;sources&apos; はテキストのリストで指定してください（指定値: {value}）</translation>
    </message>
    <message>
        <source>&apos;sources&apos; lists {count} entries; at most {limit}</source>
        <translation>&apos;sources&apos; に{count}件あります。上限は{limit}件です</translation>
    </message>
    <message>
        <source>&apos;members&apos; must be a list of members, got {type}</source>
        <translation>&apos;members&apos; は案件のリストで指定してください（指定値: {type}）</translation>
    </message>
    <message>
        <source>&apos;members&apos; is empty: list at least one member</source>
        <translation>&apos;members&apos; が空です。案件を1件以上記述してください</translation>
    </message>
    <message>
        <source>&apos;members&apos; lists {count} members; at most {limit}</source>
        <translation>&apos;members&apos; に{count}件の案件があります。上限は{limit}件です</translation>
    </message>
    <message>
        <source>Member &apos;{label}&apos;: {notice}</source>
        <translation>案件 &apos;{label}&apos;: {notice}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a portfolio: give a portfolio file (.json) or a shipped portfolio&apos;s name</source>
        <translation>&apos;{name}&apos; はポートフォリオではありません。ポートフォリオファイル（.json）か同梱のポートフォリオの名前を指定してください</translation>
    </message>
    <message>
        <source>{name}: no such portfolio file or shipped portfolio.{hint} Shipped portfolios: {portfolios}</source>
        <translation>{name}: そのようなポートフォリオファイルや同梱のポートフォリオはありません。{hint}同梱のポートフォリオ: {portfolios}</translation>
    </message>
    <message>
        <source> Did you mean the portfolio &apos;{name}&apos;?</source>
        <translation>ポートフォリオ &apos;{name}&apos; のことですか？</translation>
    </message>
    <message>
        <source>{name}: no such file, preset or shipped portfolio.{hint} Presets: {presets}; shipped portfolios: {portfolios}</source>
        <translation>{name}: そのようなファイル、プリセット、同梱のポートフォリオはありません。{hint}プリセット: {presets}。同梱のポートフォリオ: {portfolios}</translation>
    </message>
    <message>
        <source>Provisioned power at the peak</source>
        <translation>ピーク時の設備電力容量</translation>
    </message>
    <message>
        <source>The members&apos; provisioned facility power added month by month: the highest month of the sum.</source>
        <translation>各案件の設備電力容量を月ごとに合計し、その最大の月の値。</translation>
    </message>
    <message>
        <source>Accelerators at the peak</source>
        <translation>ピーク時のアクセラレータ数</translation>
    </message>
    <message>
        <source>Accelerators installed across the members in the month their sum is highest.</source>
        <translation>全案件の設置済みアクセラレータの合計が最大となる月の台数。</translation>
    </message>
    <message>
        <source>Total commitments</source>
        <translation>コミットメント総額</translation>
    </message>
    <message>
        <source>The members&apos; modelled cost over their whole terms, added: what the portfolio commits to.</source>
        <translation>各案件の契約期間全体のモデル上の総コストの合計。ポートフォリオとして約束する支出。</translation>
    </message>
    <message>
        <source>Contract values</source>
        <translation>契約総額の合計</translation>
    </message>
    <message>
        <source>The announced contract values added, for the members that have one.</source>
        <translation>契約総額が発表されている案件について、その金額を合計したもの。</translation>
    </message>
    <message>
        <source>Spend in the peak year</source>
        <translation>ピーク年の支出</translation>
    </message>
    <message>
        <source>The members&apos; cost per month summed by calendar year: the highest year.</source>
        <translation>各案件の月次コストを暦年ごとに合計し、その最大の年の値。</translation>
    </message>
    <message>
        <source>Share of the largest provider</source>
        <translation>最大の調達先の比率</translation>
    </message>
    <message>
        <source>The provider with the most of the total cost, and its share of it.</source>
        <translation>総コストに占める割合が最も大きい調達先と、その比率。</translation>
    </message>
    <message>
        <source>Herfindahl–Hirschman index (HHI)</source>
        <translation>ハーフィンダール・ハーシュマン指数（HHI）</translation>
    </message>
    <message>
        <source>The providers&apos; shares of total cost in percent, squared and added: 10,000 is a single provider; above 1,800 US merger guidelines call a market highly concentrated.</source>
        <translation>各調達先の総コストに占める比率（%）を2乗して合計した値。10,000は調達先が1社のみ。米国の企業結合ガイドラインでは1,800を超える市場を高度に集中とみなす。</translation>
    </message>
    <message>
        <source>NVIDIA chips</source>
        <translation>NVIDIA製チップ</translation>
    </message>
    <message>
        <source>Share of total cost spent on NVIDIA accelerators, whoever provides them.</source>
        <translation>調達先を問わず、NVIDIA製アクセラレータに充てられる総コストの比率。</translation>
    </message>
    <message>
        <source>Share of total cost on accelerators designed for their buyer: Trainium, Inferentia, TPU, Broadcom-class XPUs.</source>
        <translation>利用者向けに設計されたアクセラレータ（Trainium、Inferentia、TPU、Broadcom系XPU）に充てられる総コストの比率。</translation>
    </message>
    <message>
        <source>Other merchant chips</source>
        <translation>その他の汎用チップ</translation>
    </message>
    <message>
        <source>Share of total cost on accelerators sold to all comers other than NVIDIA&apos;s: AMD&apos;s MI-series.</source>
        <translation>NVIDIA以外の外販アクセラレータ（AMDのMIシリーズ）に充てられる総コストの比率。</translation>
    </message>
    <message>
        <source>no preset &apos;{key}&apos;; presets: {presets}</source>
        <translation>プリセット &apos;{key}&apos; はありません。プリセット: {presets}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a scenario: give a scenario file (.json) or a preset name (reading from standard input is not supported)</source>
        <translation>&apos;{name}&apos; はシナリオではありません: シナリオファイル（.json）かプリセット名を指定してください（標準入力からの読み込みには対応していません）</translation>
    </message>
    <message>
        <source> Did you mean the preset &apos;{name}&apos;?</source>
        <translation>プリセット &apos;{name}&apos; のことですか？</translation>
    </message>
    <message>
        <source>{name}: no such file or preset.{hint} Presets: {presets}</source>
        <translation>{name}: そのようなファイルやプリセットはありません。{hint}プリセット: {presets}</translation>
    </message>
    <message>
        <source>&apos;ranges&apos; must be an object of field name to [low, high], got {value} ({type})</source>
        <translation>&apos;ranges&apos; はフィールド名から [low, high] へのオブジェクトで指定してください。指定値: {value}（{type}）</translation>
    </message>
    <message>
        <source>&apos;ranges.{name}&apos;: &apos;{name}&apos; cannot carry a range.{hint} Fields that can: {fields}</source>
        <translation>&apos;ranges.{name}&apos;: &apos;{name}&apos; には範囲を指定できません。{hint}指定できるフィールド: {fields}</translation>
    </message>
    <message>
        <source>&apos;ranges.{name}&apos; must be [low, high], got {value}</source>
        <translation>&apos;ranges.{name}&apos; は [low, high] で指定してください。指定値: {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos;: low &apos;{low}&apos; is after high &apos;{high}&apos;</source>
        <translation>&apos;{key}&apos;: 下限 &apos;{low}&apos; が上限 &apos;{high}&apos; より後です</translation>
    </message>
    <message>
        <source>&apos;{key}&apos;: low {low} is above high {high}</source>
        <translation>&apos;{key}&apos;: 下限 {low} が上限 {high} を上回っています</translation>
    </message>
    <message>
        <source>&apos;ranges.{name}&apos; = [&apos;{low}&apos;, &apos;{high}&apos;] must contain the value &apos;{value}&apos;</source>
        <translation>&apos;ranges.{name}&apos; = [&apos;{low}&apos;, &apos;{high}&apos;] には値 &apos;{value}&apos; が含まれている必要があります</translation>
    </message>
    <message>
        <source>&apos;ranges.{name}&apos; = [&apos;{low}&apos;, &apos;{high}&apos;] must lie within the term ({first} to {last})</source>
        <translation>&apos;ranges.{name}&apos; = [&apos;{low}&apos;, &apos;{high}&apos;] は契約期間（{first}～{last}）内にしてください</translation>
    </message>
    <message>
        <source>The range of {label} ({low} to {high}) must lie within the term, {first} to {last}.</source>
        <translation>{label}の範囲（{low}～{high}）は契約期間（{first}～{last}）内にしてください。</translation>
    </message>
    <message>
        <source>&apos;ranges.{name}&apos; = [{low}, {high}] must contain the value {value}</source>
        <translation>&apos;ranges.{name}&apos; = [{low}, {high}] には値 {value} が含まれている必要があります</translation>
    </message>
    <message>
        <source>&apos;ranges.full_use_power_fraction&apos; low {low} is below &apos;idle_power_fraction&apos; = {idle}: a busy system cannot draw less than an idle one</source>
        <translation>&apos;ranges.full_use_power_fraction&apos; の下限 {low} が &apos;idle_power_fraction&apos; = {idle} を下回っています: 稼働時の消費電力がアイドル時を下回ることはありません</translation>
    </message>
    <message>
        <source>The low end of {label} ({low}) is below {idle_label} ({idle}): a busy system cannot draw less than an idle one.</source>
        <translation>{label}の下限（{low}）が{idle_label}（{idle}）を下回っています。稼働時の消費電力がアイドル時を下回ることはありません。</translation>
    </message>
    <message>
        <source>The range of {label} ({low} to {high}) must contain its value, {value}: widen the range, or change the value first.</source>
        <translation>{label}の範囲（{low}～{high}）には現在の値 {value} が含まれている必要があります。範囲を広げるか、先に値を変更してください。</translation>
    </message>
    <message>
        <source>&apos;idle_power_fraction&apos; = {idle} is above &apos;full_use_power_fraction&apos; = {busy}: an idle system cannot draw more than a busy one</source>
        <translation>&apos;idle_power_fraction&apos; = {idle} が &apos;full_use_power_fraction&apos; = {busy} を上回っています: アイドル時の消費電力が稼働時を上回ることはありません</translation>
    </message>
    <message>
        <source>{idle_label} ({idle}) is above {busy_label} ({busy}): an idle system cannot draw more than a busy one. Lower the idle draw or raise the busy draw first.</source>
        <translation>{idle_label}（{idle}）が{busy_label}（{busy}）を上回っています。アイドル時の消費電力が稼働時を上回ることはありません。先にアイドル時の値を下げるか、稼働時の値を上げてください。</translation>
    </message>
    <message>
        <source>&apos;ramp_end&apos; = &apos;{ramp_end}&apos; is before &apos;start&apos; = &apos;{start}&apos;: full deployment must be between {start} and {last}</source>
        <translation>&apos;ramp_end&apos; = &apos;{ramp_end}&apos; が &apos;start&apos; = &apos;{start}&apos; より前です: 全量導入は {start} から {last} の間にしてください</translation>
    </message>
    <message>
        <source>{label} ({ramp_end}) is before the start ({start}): move it to {first} or later.</source>
        <translation>{label}（{ramp_end}）が開始（{start}）より前です。{first}以降にしてください。</translation>
    </message>
    <message>
        <source>&apos;ramp_end&apos; = &apos;{ramp_end}&apos; is after the term ends: with &apos;start&apos; = &apos;{start}&apos; and &apos;term_months&apos; = {term} it must be between {start} and {last}</source>
        <translation>&apos;ramp_end&apos; = &apos;{ramp_end}&apos; が契約期間の終了後です: &apos;start&apos; = &apos;{start}&apos;、&apos;term_months&apos; = {term} の場合は {start} から {last} の間にしてください</translation>
    </message>
    <message>
        <source>{label} ({ramp_end}) falls after the term ends ({end}, {term} months from {start}): make the term at least {needed} months, or move full deployment to {end} or earlier.</source>
        <translation>{label}（{ramp_end}）が契約期間の終了（{start}から{term}か月、{end}まで）より後です。契約期間を{needed}か月以上にするか、全量導入を{end}以前にしてください。</translation>
    </message>
    <message>
        <source>give &apos;gpu_count&apos; or &apos;facility_power_mw&apos;, not both (got gpu_count = {gpus} and facility_power_mw = {mw})</source>
        <translation>&apos;gpu_count&apos; と &apos;facility_power_mw&apos; はどちらか一方だけを指定してください（gpu_count = {gpus}、facility_power_mw = {mw} が指定されています）</translation>
    </message>
    <message>
        <source>give &apos;serving_model&apos; = &apos;{model}&apos; or the explicit parameter counts (&apos;model_total_params_billion&apos;, &apos;model_active_params_billion&apos;) with &apos;serving_model&apos; = &apos;custom&apos;, not both</source>
        <translation>&apos;serving_model&apos; = &apos;{model}&apos; と、&apos;serving_model&apos; = &apos;custom&apos; でのパラメータ数（&apos;model_total_params_billion&apos;、&apos;model_active_params_billion&apos;）の指定は、どちらか一方だけにしてください</translation>
    </message>
    <message>
        <source>&apos;model_active_params_billion&apos; = {active} is above &apos;model_total_params_billion&apos; = {total}: a token cannot use more parameters than the model has</source>
        <translation>&apos;model_active_params_billion&apos; = {active} が &apos;model_total_params_billion&apos; = {total} を上回っています: 1トークンがモデルの持つパラメータ数を超えて使うことはできません</translation>
    </message>
    <message>
        <source>{active_label} ({active}B) are more than the model&apos;s {total_label} ({total}B): a token cannot use more parameters than the model has. Raise the total first.</source>
        <translation>{active_label}（{active}B）がモデルの{total_label}（{total}B）を上回っています。1トークンがモデルの持つパラメータ数を超えて使うことはできません。先に総パラメータ数を上げてください。</translation>
    </message>
    <message>
        <source>a scenario file holds one JSON object, got {type}</source>
        <translation>シナリオファイルには JSON オブジェクトを1つ記述します（記述されているのは{type}）</translation>
    </message>
    <message>
        <source>not a scenario file: &apos;schema_version&apos; is missing (add &quot;schema_version&quot;: {version})</source>
        <translation>シナリオファイルではありません: &apos;schema_version&apos; がありません（&quot;schema_version&quot;: {version} を追加してください）</translation>
    </message>
    <message>
        <source>&apos;schema_version&apos; must be a whole number, got {value}</source>
        <translation>&apos;schema_version&apos; は整数で指定してください（指定値: {value}）</translation>
    </message>
    <message>
        <source>&apos;schema_version&apos; is {version}: this file was written by a newer version of the app, which understands up to {supported}</source>
        <translation>&apos;schema_version&apos; が {version} です: このファイルは新しいバージョンのアプリで作成されています（このバージョンが扱えるのは {supported} まで）</translation>
    </message>
    <message>
        <source>&apos;schema_version&apos; = {version} is not a known version (1 to {supported})</source>
        <translation>&apos;schema_version&apos; = {version} は既知のバージョンではありません（1～{supported}）</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos;.{hint}</source>
        <translation>不明なキー &apos;{key}&apos; です。{hint}</translation>
    </message>
    <message>
        <source>give &apos;gpu_count&apos; or &apos;facility_power_mw&apos;, not both: one sizes the fleet by accelerators, the other by provisioned facility power</source>
        <translation>&apos;gpu_count&apos; と &apos;facility_power_mw&apos; はどちらか一方だけを指定してください: 前者はアクセラレータ数で、後者は設備電力容量で規模を決めます</translation>
    </message>
    <message>
        <source>The chip shares summed to {percent}% and were rescaled to 100%.</source>
        <translation>チップ構成の比率の合計が {percent}% だったため、100% になるよう調整しました。</translation>
    </message>
    <message>
        <source>give &apos;serving_model&apos; or the explicit parameter counts ({keys}), not both: &apos;serving_model&apos; = {value} sets them</source>
        <translation>&apos;serving_model&apos; とパラメータ数（{keys}）はどちらか一方だけを指定してください: &apos;serving_model&apos; = {value} がパラメータ数を決めます</translation>
    </message>
    <message>
        <source>{name} is not a valid number in a scenario file</source>
        <translation>{name} はシナリオファイルで使える数値ではありません</translation>
    </message>
    <message>
        <source>key &apos;{key}&apos; appears twice</source>
        <translation>キー &apos;{key}&apos; が2回出現しています</translation>
    </message>
    <message>
        <source>not valid JSON: {problem} (line {line}, column {column})</source>
        <translation>JSON として正しくありません: {problem}（{line} 行目、{column} 列目）</translation>
    </message>
    <message>
        <source>not a scenario file: nested too deeply</source>
        <translation>シナリオファイルではありません: 入れ子が深すぎます</translation>
    </message>
    <message>
        <source>not a valid scenario file: {problem}</source>
        <translation>有効なシナリオファイルではありません: {problem}</translation>
    </message>
    <message>
        <source>scenario file</source>
        <translation>シナリオファイル</translation>
    </message>
    <message>
        <source>UTF-8 JSON</source>
        <translation>UTF-8 の JSON</translation>
    </message>
    <message>
        <source>the serving model presets ({path}) cannot be read: {problem}</source>
        <translation>推論モデルのプリセット（{path}）を読み込めません: {problem}</translation>
    </message>
    <message>
        <source>The chip catalog used last time, {file}, could not be loaded ({problem}); the built-in catalog is in use.</source>
        <translation>前回使ったチップカタログ {file} を読み込めませんでした（{problem}）。組み込みカタログを使用しています。</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>シナリオを開けません</translation>
    </message>
    <message>
        <source>{problem}

The announced deal is open instead.</source>
        <translation>{problem}

代わりに発表済みの契約を開いています。</translation>
    </message>
    <message>
        <source>A recovery file could not be read and was set aside: {file}</source>
        <translation>復元用ファイルを読み込めないため、別名で退避しました：{file}</translation>
    </message>
    <message>
        <source>Opened {name} as saved; the unsaved changes were discarded.</source>
        <translation>{name} を保存時の状態で開きました。未保存の変更は破棄しました。</translation>
    </message>
    <message>
        <source>The unsaved changes to {name} are kept: you will be asked again at the next start.</source>
        <translation>{name} の未保存の変更は保持しています。次回の起動時にもう一度確認します。</translation>
    </message>
    <message>
        <source>Cannot recover the unsaved changes</source>
        <translation>未保存の変更を復元できません</translation>
    </message>
    <message>
        <source>{problem}

The changes are kept: they are offered again at the next start.</source>
        <translation>{problem}

変更は保持しています。次回の起動時にもう一度復元を提案します。</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>未保存の変更を復元</translation>
    </message>
    <message>
        <source>the portfolio window open now keeps its own unsaved changes</source>
        <translation>いま開いているポートフォリオウィンドウに、未保存の変更が残っています</translation>
    </message>
    <message>
        <source>The changes to {name} are recovered, not those to the portfolio &apos;{portfolio}&apos;: {problem}

The portfolio&apos;s changes are kept: they are offered again at the next start.</source>
        <translation>{name} の変更は復元しましたが、ポートフォリオ「{portfolio}」の変更は復元できません：{problem}

ポートフォリオの変更は保持しています。次回の起動時にもう一度復元を提案します。</translation>
    </message>
    <message>
        <source>The changes to the portfolio &apos;{portfolio}&apos; cannot be recovered: {problem}

They are kept: they are offered again at the next start.</source>
        <translation>ポートフォリオ「{portfolio}」の変更は復元できません：{problem}

変更は保持しています。次回の起動時にもう一度復元を提案します。</translation>
    </message>
    <message>
        <source>Recovered the unsaved changes to {name}.</source>
        <translation>{name} の未保存の変更を復元しました。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your scenario is unchanged. Details were written to {file}.</source>
        <translation>問題が発生しました：{error}

シナリオは変更されていません。詳細は {file} に記録しました。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your scenario is unchanged.</source>
        <translation>問題が発生しました：{error}

シナリオは変更されていません。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>unknown chart &apos;{name}&apos;; charts: {charts}</source>
        <translation>不明なグラフ &apos;{name}&apos;。グラフ：{charts}</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>{title} chart</source>
        <translation>グラフ：{title}</translation>
    </message>
    <message>
        <source>{title} view</source>
        <translation>{title}の表示</translation>
    </message>
    <message>
        <source>Cost per token over the term, or against the speed each user sees</source>
        <translation>トークン単価を期間の推移で見るか、ユーザーごとの速度に対して見るか</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Export {title} chart</source>
        <translation>グラフ「{title}」を書き出し</translation>
    </message>
    <message>
        <source>Save this chart as PNG, SVG or PDF, or copy it</source>
        <translation>このグラフをPNG・SVG・PDFで保存、またはコピー</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>ほか{count}件</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中央値</translation>
    </message>
    <message>
        <source>Capacity by chip</source>
        <translation>チップ別計算能力</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Capacity precision</source>
        <translation>計算能力の精度</translation>
    </message>
    <message>
        <source>Precision of the FLOP/s shown (dense). A chip without FP4 or FP8 counts at its next wider precision.</source>
        <translation>表示するFLOP/sの精度（密行列）。FP4やFP8に対応しないチップは、1段広い精度で計上します。</translation>
    </message>
    <message>
        <source>Capacity measure</source>
        <translation>計算能力の指標</translation>
    </message>
    <message>
        <source>Peak: installed FLOP/s. Effective: peak × utilisation × MFU.</source>
        <translation>ピーク：導入済みのFLOP/s。実効：ピーク × 稼働率 × MFU。</translation>
    </message>
    <message>
        <source>Capacity by chip · {precision} {measure}</source>
        <translation>チップ別計算能力 · {precision} {measure}</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Cost by component</source>
        <translation>費目別コスト</translation>
    </message>
    <message>
        <source>Energy (embedded in rent)</source>
        <translation>電力費（レンタル料に含む）</translation>
    </message>
    <message>
        <source>Cost per month · owned</source>
        <translation>月次コスト · 自社保有</translation>
    </message>
    <message>
        <source>Cost per month · rented</source>
        <translation>月次コスト · レンタル</translation>
    </message>
    <message>
        <source>Power and energy</source>
        <translation>電力と電力量</translation>
    </message>
    <message>
        <source>Provisioned power is what the site must deliver on its hottest day with every machine flat out: the IT systems at nameplate, times the design PUE for the facility. Campuses and deals are quoted in it. The average draw (dashed) is what the fleet uses on a typical day at its utilisation, times the annual average PUE; the energy bars and the energy bill follow it.</source>
        <translation>設備電力容量は、最も暑い日に全機がフル稼働したときに施設が供給しなければならない電力で、IT機器の定格電力に設計PUEを掛けたものです。データセンターのキャンパスや契約はこの値で発表されます。平均消費電力（破線）は、通常の日に稼働率どおりに動くフリートが使う電力に年間平均PUEを掛けたもので、年間電力量の棒と電力費はこちらに従います。</translation>
    </message>
    <message>
        <source>Power, {unit}</source>
        <translation>電力（{unit}）</translation>
    </message>
    <message>
        <source>Energy, {unit}</source>
        <translation>電力量（{unit}）</translation>
    </message>
    <message>
        <source>facility, provisioned</source>
        <translation>施設（設備容量）</translation>
    </message>
    <message>
        <source>IT, provisioned</source>
        <translation>IT（設備容量）</translation>
    </message>
    <message>
        <source>average draw</source>
        <translation>平均消費電力</translation>
    </message>
    <message>
        <source>energy that year</source>
        <translation>その年の電力量</translation>
    </message>
    <message>
        <source>Facility, provisioned</source>
        <translation>施設（設備容量）</translation>
    </message>
    <message>
        <source>Facility, average draw</source>
        <translation>施設（平均消費電力）</translation>
    </message>
    <message>
        <source>Energy per fiscal year (right axis)</source>
        <translation>年度別の電力量（右軸）</translation>
    </message>
    <message>
        <source>Energy per year (right axis)</source>
        <translation>年間電力量（右軸）</translation>
    </message>
    <message>
        <source>FY{year}</source>
        <translation>{year}年度</translation>
    </message>
    <message>
        <source>energy in {year}</source>
        <translation>{year}の電力量</translation>
    </message>
    <message>
        <source>Cost per token vs speed</source>
        <translation>トークン単価と速度</translation>
    </message>
    <message>
        <source>Each chip&apos;s cost per million output tokens against the speed each user sees (tokens per second per user), from the serving roofline: faster answers mean smaller batches, so fewer tokens per accelerator and a higher cost per token. Both axes are logarithmic; the dots mark the scenario&apos;s speed, the ring the fleet&apos;s figure.</source>
        <translation>各チップの100万出力トークンあたりコストを、各ユーザーが体感する速度（ユーザーあたりの毎秒トークン数）に対して、推論のルーフラインモデルから描きます。応答を速くするほどバッチが小さくなり、アクセラレータあたりのトークン数が減ってトークン単価が上がります。両軸とも対数目盛です。点はシナリオの速度での各チップの値、リングはフリート全体の値です。</translation>
    </message>
    <message>
        <source>No chip of the fleet can serve this model at these speeds</source>
        <translation>この速度でこのモデルを推論できるチップがフリートにありません</translation>
    </message>
    <message>
        <source>output tokens/s per user</source>
        <translation>ユーザーあたり出力トークン/秒</translation>
    </message>
    <message>
        <source>tok/s per user</source>
        <translation>トークン/秒/ユーザー</translation>
    </message>
    <message>
        <source>Cost per token vs speed · {model}</source>
        <translation>トークン単価と速度 · {model}</translation>
    </message>
    <message>
        <source>the fleet at its speed (ring)</source>
        <translation>フリート全体の値（リング）</translation>
    </message>
    <message>
        <source>{speed} tok/s per user</source>
        <translation>ユーザーあたり {speed} トークン/秒</translation>
    </message>
    <message>
        <source>Sensitivity (tornado)</source>
        <translation>感応度分析（トルネード）</translation>
    </message>
    <message>
        <source>Tornado KPI</source>
        <translation>トルネードのKPI</translation>
    </message>
    <message>
        <source>The figure whose swing each input&apos;s range causes</source>
        <translation>各入力の範囲による振れ幅を見る指標</translation>
    </message>
    <message>
        <source>Sensitivity · {kpi}</source>
        <translation>感応度分析 · {kpi}</translation>
    </message>
    <message>
        <source>No uncertainty ranges that move this figure: add ranges under Assumptions ▸ Uncertainty</source>
        <translation>この指標を動かす不確実性の範囲がありません。前提条件 → 不確実性 で範囲を追加してください</translation>
    </message>
    <message>
        <source>change from base, %</source>
        <translation>基準値からの変化（%）</translation>
    </message>
    <message>
        <source>change, %</source>
        <translation>変化（%）</translation>
    </message>
    <message>
        <source>base, every input at its value: {value}</source>
        <translation>基準値（全入力が設定値）：{value}</translation>
    </message>
    <message>
        <source>input at its low end</source>
        <translation>入力が下限のとき</translation>
    </message>
    <message>
        <source>input at its high end</source>
        <translation>入力が上限のとき</translation>
    </message>
    <message>
        <source>{count} smaller swings not shown (no room)</source>
        <translation>振れ幅の小さい{count}件は非表示（表示領域不足）</translation>
    </message>
    <message>
        <source>{count} smaller swing not shown (no room)</source>
        <translation>振れ幅の小さい{count}件は非表示（表示領域不足）</translation>
    </message>
    <message>
        <source>{count} inputs without effect not shown</source>
        <translation>影響のない入力{count}件は非表示</translation>
    </message>
    <message>
        <source>{count} input without effect not shown</source>
        <translation>影響のない入力{count}件は非表示</translation>
    </message>
    <message>
        <source>No input range moves this figure</source>
        <translation>この指標を動かす入力の範囲はありません</translation>
    </message>
    <message>
        <source>Unit economics</source>
        <translation>ユニットエコノミクス</translation>
    </message>
    <message>
        <source>Cost per million output tokens over the term, by component: the serving hours&apos; share of the fleet&apos;s cost over the tokens they serve. The right axis reads the same curve as the cost per busy GPU-hour.</source>
        <translation>期間中の100万出力トークンあたりコストの推移を費目別に示します。フリートのコストのうち推論に充てた時間の分を、その時間に提供したトークン数で割った値です。右軸は同じ曲線を稼働GPU時間あたりのコストとして読みます。</translation>
    </message>
    <message>
        <source>Unit economics · {conditions}</source>
        <translation>ユニットエコノミクス · {conditions}</translation>
    </message>
    <message>
        <source>No serving: the serving share is 0, or the model does not fit these chips</source>
        <translation>推論なし：推論比率が0か、モデルがこれらのチップに載りません</translation>
    </message>
    <message>
        <source>per M output tokens</source>
        <translation>100万出力トークンあたり</translation>
    </message>
    <message>
        <source>per busy GPU-hour</source>
        <translation>稼働GPU時間あたり</translation>
    </message>
    <message>
        <source>Load chip catalog</source>
        <translation>チップカタログの読み込み</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSVファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot load catalog</source>
        <translation>カタログを読み込めません</translation>
    </message>
    <message>
        <source>Catalog: built-in + {file} ({count} chips)</source>
        <translation>カタログ：組み込み + {file}（チップ{count}種）</translation>
    </message>
    <message>
        <source>Cannot switch catalog</source>
        <translation>カタログを切り替えられません</translation>
    </message>
    <message>
        <source>The open scenario uses a chip of your catalog: {problem}</source>
        <translation>開いているシナリオは、読み込んだカタログのチップを使っています：{problem}</translation>
    </message>
    <message>
        <source>Catalog: built-in</source>
        <translation>カタログ：組み込み</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>「{name}」</translation>
    </message>
    <message>
        <source>{message}; removed {labels} from the comparison (chips not in this catalog)</source>
        <translation>{message}。このカタログにないチップを使う {labels} を比較から外しました</translation>
    </message>
    <message>
        <source>Comparison is full</source>
        <translation>比較の上限に達しました</translation>
    </message>
    <message>
        <source>Pinned “{name}” as the baseline; move the sliders to compare</source>
        <translation>「{name}」をベースラインに固定しました。スライダーを動かして比較できます</translation>
    </message>
    <message>
        <source>Add a scenario to the comparison</source>
        <translation>比較にシナリオを追加</translation>
    </message>
    <message>
        <source>Cannot compare scenario</source>
        <translation>シナリオを比較できません</translation>
    </message>
    <message>
        <source>Cannot compare preset</source>
        <translation>プリセットを比較できません</translation>
    </message>
    <message>
        <source>{name} (modified)</source>
        <translation>{name}（変更あり）</translation>
    </message>
    <message>
        <source>Modified since it was opened: the figures no longer match this description. {description}</source>
        <translation>開いた後に変更されています。数値はこの説明と一致しません。{description}</translation>
    </message>
    <message>
        <source>No bands: {problem}</source>
        <translation>バンドを表示できません：{problem}</translation>
    </message>
    <message>
        <source>Removed “{name}” from the comparison: {reason}</source>
        <translation>「{name}」を比較から外しました：{reason}</translation>
    </message>
    <message>
        <source>the scenario could not be evaluated</source>
        <translation>シナリオを計算できませんでした</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>Not exported: {problem}</source>
        <translation>書き出せませんでした：{problem}</translation>
    </message>
    <message>
        <source>Wrote {count} charts to {folder}</source>
        <translation>{count}件のグラフを {folder} に書き出しました</translation>
    </message>
    <message>
        <source>Wrote {file}</source>
        <translation>{file} を書き出しました</translation>
    </message>
    <message>
        <source>Copied the {chart} chart (1920 × 1080) to the clipboard</source>
        <translation>グラフ「{chart}」（1920 × 1080）をクリップボードにコピーしました</translation>
    </message>
    <message>
        <source>Export one-page report</source>
        <translation>1ページレポートの書き出し</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Report failed</source>
        <translation>レポートの作成に失敗しました</translation>
    </message>
    <message>
        <source>No report written: {problem}</source>
        <translation>レポートを書き出せませんでした：{problem}</translation>
    </message>
    <message>
        <source>Export slides (PowerPoint)</source>
        <translation>スライドの書き出し（PowerPoint）</translation>
    </message>
    <message>
        <source>PowerPoint presentations (*.pptx)</source>
        <translation>PowerPointプレゼンテーション (*.pptx)</translation>
    </message>
    <message>
        <source>Slides failed</source>
        <translation>スライドの作成に失敗しました</translation>
    </message>
    <message>
        <source>No slides written: {problem}</source>
        <translation>スライドを書き出せませんでした：{problem}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excelブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Export monthly projection</source>
        <translation>月次予測の書き出し</translation>
    </message>
    <message>
        <source>New scenario: the announced deal</source>
        <translation>新規シナリオ：発表済みの契約</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>シナリオを開く</translation>
    </message>
    <message>
        <source>Not opened: {problem}</source>
        <translation>開けませんでした：{problem}</translation>
    </message>
    <message>
        <source>Opened {file}.</source>
        <translation>{file} を開きました。</translation>
    </message>
    <message>
        <source>Cannot open preset</source>
        <translation>プリセットを開けません</translation>
    </message>
    <message>
        <source>Preset: {name}</source>
        <translation>プリセット：{name}</translation>
    </message>
    <message>
        <source>Save scenario as</source>
        <translation>シナリオに名前を付けて保存</translation>
    </message>
    <message>
        <source>Cannot save scenario</source>
        <translation>シナリオを保存できません</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>保存できませんでした：{problem}</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file} を保存しました</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>no recent files</comment>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>一覧を消去</translation>
    </message>
    <message>
        <source>Fit to budget</source>
        <translation>予算に合わせる</translation>
    </message>
    <message>
        <source>Fitted to {budget}: {count} accelerators</source>
        <translation>{budget} に合わせました：アクセラレータ {count}基</translation>
    </message>
    <message>
        <source>Fitted to {budget}: {power} of provisioned facility power</source>
        <translation>{budget} に合わせました：設備電力容量 {power}</translation>
    </message>
    <message>
        <source>Fitted to {budget}: chip price scale {scale}</source>
        <translation>{budget} に合わせました：チップ価格の係数 {scale}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Recover unsaved changes to {name} (edited {time})?</source>
        <translation>{name} の未保存の変更（{time} に編集）を復元しますか？</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>シナリオファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to “{name}”?</source>
        <translation>「{name}」への変更を保存しますか？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>保存しないと変更は失われます。</translation>
    </message>
    <message>
        <source>Unsaved changes from last time</source>
        <translation>前回の未保存の変更</translation>
    </message>
    <message>
        <source>These changes were not saved when Compute Scenario Explorer last closed; they were kept for you.</source>
        <translation>これらの変更は、前回 Compute Scenario Explorer を終了したときに保存されていませんでした。変更は保持してあります。</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Open the saved file</source>
        <translation>保存済みのファイルを開く</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Ask me later</source>
        <translation>後で確認</translation>
    </message>
    <message>
        <source>Currency and exchange rate</source>
        <translation>通貨と為替レート</translation>
    </message>
    <message>
        <source>Figures are computed in US dollars, as every source quotes them. In yen they are converted at the rate below, which every yen figure states.</source>
        <translation>数値はすべて米ドルで計算しています（出典がすべてドル建てのため）。円表示では下のレートで換算し、円の数値には必ずこのレートを併記します。</translation>
    </message>
    <message>
        <source>US dollars (USD)</source>
        <translation>米ドル（USD）</translation>
    </message>
    <message>
        <source>Japanese yen (JPY)</source>
        <translation>日本円（JPY）</translation>
    </message>
    <message>
        <source> yen per dollar</source>
        <translation> 円/ドル</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>為替レート</translation>
    </message>
    <message>
        <source>Rate as of</source>
        <translation>レートの基準日</translation>
    </message>
    <message>
        <source>Source of the rate</source>
        <translation>レートの出典</translation>
    </message>
    <message>
        <source>Tables in millions (百万円, as Japanese disclosures write them)</source>
        <translation>表を百万円単位で表示（決算短信などの開示資料と同じ）</translation>
    </message>
    <message>
        <source>Use the default rate</source>
        <translation>既定のレートに戻す</translation>
    </message>
    <message>
        <source>Write the date of the rate as YYYY-MM-DD (for example 2025-11-04).</source>
        <translation>レートの基準日を YYYY-MM-DD 形式で入力してください（例：2025-11-04）。</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <source>Chart to export</source>
        <translation>書き出すグラフ</translation>
    </message>
    <message>
        <source>All charts (into a folder)</source>
        <translation>すべてのグラフ（フォルダへ）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Custom</source>
        <comment>picture size</comment>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高さ</translation>
    </message>
    <message>
        <source>automatic</source>
        <comment>scale factor</comment>
        <translation>自動</translation>
    </message>
    <message>
        <source>Scale factor</source>
        <translation>拡大率</translation>
    </message>
    <message>
        <source>How much larger text and lines are drawn; automatic keeps the look of a 960 × 540 chart at any size, only sharper</source>
        <translation>文字と線を描く倍率。自動では、どのサイズでも 960 × 540 のグラフと同じ見た目で、より精細に描きます</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>背景を透明にする</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Browse for destination</source>
        <translation>保存先を参照</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存先</translation>
    </message>
    <message>
        <source>Export all charts into</source>
        <translation>すべてのグラフの書き出し先</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <source>Change {what}</source>
        <translation>{what}を変更</translation>
    </message>
    <message>
        <source>{prog}: error: unexpected arguments {arguments}</source>
        <translation>{prog}: エラー: 予期しない引数 {arguments}</translation>
    </message>
    <message>
        <source>{prog}: error: no display to open the window on. Without a screen, use summary, render, report or export (see {prog} --help).</source>
        <translation>{prog}: エラー: ウィンドウを開くディスプレイがありません。画面のない環境では summary、render、report、export を使ってください（{prog} --help を参照）。</translation>
    </message>
    <message>
        <source>{prog}: error: &apos;{word}&apos; is not a command, a scenario file or a preset.</source>
        <translation>{prog}: エラー: &apos;{word}&apos; はコマンド、シナリオファイル、プリセットのいずれでもありません。</translation>
    </message>
    <message>
        <source> Did you mean {name}?</source>
        <translation>{name} のことですか？</translation>
    </message>
    <message>
        <source> Did you mean {first} or {second}?</source>
        <translation>{first} または {second} のことですか？</translation>
    </message>
    <message>
        <source>usage: {prog} [FILE] | {prog} COMMAND ... (see {prog} --help)</source>
        <translation>使い方: {prog} [FILE] | {prog} COMMAND ...（{prog} --help を参照）</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;charts…</source>
        <translation>グラフを書き出す(&amp;C)…</translation>
    </message>
    <message>
        <source>Export one-page repor&amp;t (PDF)…</source>
        <translation>1ページレポートを書き出す（PDF）(&amp;T)…</translation>
    </message>
    <message>
        <source>Export s&amp;lides (PowerPoint)…</source>
        <translation>スライドを書き出す（PowerPoint）(&amp;L)…</translation>
    </message>
    <message>
        <source>Monthly projection as &amp;CSV…</source>
        <translation>月次予測をCSVで(&amp;C)…</translation>
    </message>
    <message>
        <source>Monthly projection as &amp;Excel…</source>
        <translation>月次予測をExcelで(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type, high contrast; ←/→ step through scenarios; Esc leaves (F11)</source>
        <translation>全画面・大きな文字・高コントラスト。←/→ でシナリオを切り替え、Esc で終了（F11）</translation>
    </message>
    <message>
        <source>Uncertainty &amp;bands</source>
        <translation>不確実性バンド(&amp;B)</translation>
    </message>
    <message>
        <source>P10–P90 and P25–P75 bands and KPI ranges from the scenario&apos;s ranges</source>
        <translation>シナリオの不確実性の範囲から求めたP10–P90・P25–P75のバンドとKPIの範囲</translation>
    </message>
    <message>
        <source>&amp;Fiscal years (April–March)</source>
        <translation>年度で表示（4月〜3月）(&amp;F)</translation>
    </message>
    <message>
        <source>Group yearly figures (the energy bars, the Excel Yearly sheet) by the Japanese fiscal year, 年度: April to March</source>
        <translation>年ごとの数値（電力量の棒グラフ、Excelの年次シート）を年度（4月〜翌年3月）で集計します</translation>
    </message>
    <message>
        <source>C&amp;urrency and exchange rate…</source>
        <translation>通貨と為替レート(&amp;U)…</translation>
    </message>
    <message>
        <source>Show figures in US dollars or in yen, at a dated exchange rate</source>
        <translation>数値を米ドルで表示するか、基準日付きの為替レートで円に換算して表示します</translation>
    </message>
    <message>
        <source>&amp;Pin the current scenario as baseline</source>
        <translation>現在のシナリオをベースラインに固定(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add a scenario file…</source>
        <translation>シナリオファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Clear the comparison</source>
        <translation>比較をクリア(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open a portfolio file…</source>
        <translation>ポートフォリオファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Several deals added into one fleet: stacked by member, provider or chip family, with concentration and yearly commitments</source>
        <translation>複数の案件を一つのフリートとして合算します。案件・調達先・チップ系統別の積み上げ、集中度、年次コミットメントを表示します</translation>
    </message>
    <message>
        <source>&amp;Fit to budget…</source>
        <translation>予算に合わせる(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Load catalog…</source>
        <translation>カタログを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>Use the &amp;built-in catalog</source>
        <translation>組み込みカタログを使う(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Model and sources</source>
        <translation>モデルと出典(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>比較(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Chips</source>
        <translation>チップ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Export &amp;data</source>
        <translation>データを書き出す(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>プリセット(&amp;P)</translation>
    </message>
    <message>
        <source>Add a p&amp;reset</source>
        <translation>プリセットを追加(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>P&amp;ortfolio</source>
        <translation>ポートフォリオ(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Presentation banner</source>
        <translation>プレゼンテーションのバナー</translation>
    </message>
    <message>
        <source>Main</source>
        <comment>toolbar</comment>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>同梱</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Open a shipped scenario: the announced deals and the what-ifs</source>
        <translation>同梱のシナリオを開く（発表済みの契約とWhat-ifシナリオ）</translation>
    </message>
    <message>
        <source>Chip catalog</source>
        <translation>チップカタログ</translation>
    </message>
    <message>
        <source>Export this chart…</source>
        <translation>このグラフを書き出す…</translation>
    </message>
    <message>
        <source>Copy image to the clipboard</source>
        <translation>画像をクリップボードにコピー</translation>
    </message>
    <message>
        <source>Chips: built-in + {file} ({count})</source>
        <translation>チップ：組み込み + {file}（{count}種）</translation>
    </message>
    <message>
        <source>The chip catalog the figures use: {catalog} (Chips ▸ Load catalog…)</source>
        <translation>数値の算出に使うチップカタログ：{catalog}（チップ → カタログを読み込む…）</translation>
    </message>
    <message>
        <source>Chips: built-in ({count})</source>
        <translation>チップ：組み込み（{count}種）</translation>
    </message>
    <message>
        <source>The chip catalog the figures use: the built-in catalog (Chips ▸ Load catalog…)</source>
        <translation>数値の算出に使うチップカタログ：組み込みカタログ（チップ → カタログを読み込む…）</translation>
    </message>
    <message>
        <source>← → step · Esc leaves</source>
        <translation>← → 切り替え · Esc 終了</translation>
    </message>
    <message>
        <source>Model and sources</source>
        <translation>モデルと出典</translation>
    </message>
    <message>
        <source>The model&apos;s documentation could not be read ({file}): {error}</source>
        <translation>モデルのドキュメントを読み込めません（{file}）：{error}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <source>A capacity-and-cost model of AI compute fleets, with public sources for every default.</source>
        <translation>AI計算基盤の計算能力とコストのモデル。すべての既定値に公開情報の出典を付けています。</translation>
    </message>
    <message>
        <source>Every yen figure is converted from US dollars at this rate. Source: {source} (View ▸ Currency and exchange rate…)</source>
        <translation>円の数値はすべてこのレートで米ドルから換算しています。出典：{source}（表示 → 通貨と為替レート…）</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>元に戻す：{what}</translation>
    </message>
    <message>
        <source>Redo {what}</source>
        <translation>やり直し：{what}</translation>
    </message>
    <message>
        <source>--size must look like 1920x1080, got &apos;{text}&apos;</source>
        <translation>--size は 1920x1080 の形式で指定してください。指定値: &apos;{text}&apos;</translation>
    </message>
    <message>
        <source>a portfolio&apos;s charts stacked by member (the default), provider or chip family</source>
        <translation>ポートフォリオのグラフの積み上げ方：案件別（既定）、調達先別、チップ系統別</translation>
    </message>
    <message>
        <source>a portfolio&apos;s revenue per year, drawn as a line over the yearly commitments (e.g. 13e9 or 13B)</source>
        <translation>ポートフォリオの年間売上。年間コミットメントのグラフに線で描きます（例: 13e9 または 13B）</translation>
    </message>
    <message>
        <source>{options} is for a portfolio; {file} is a scenario</source>
        <translation>{options} はポートフォリオ用のオプションです。{file} はシナリオです</translation>
    </message>
    <message>
        <source>--revenue must be between 0 and 1,000,000 USD billions per year</source>
        <translation>--revenue は年0〜1,000,000（10億ドル単位）で指定してください</translation>
    </message>
    <message>
        <source>write one chart (or all) as PNG, SVG or PDF, with no display</source>
        <translation>グラフを1つ（またはすべて）PNG・SVG・PDF で書き出す（画面不要）</translation>
    </message>
    <message>
        <source>a chart name (see --list), or &apos;all&apos; to write every chart</source>
        <translation>グラフ名（--list で一覧表示）。すべて書き出す場合は &apos;all&apos;</translation>
    </message>
    <message>
        <source>output file (.png, .svg, .pdf); a folder with --chart all</source>
        <translation>出力ファイル（.png、.svg、.pdf）。--chart all の場合はフォルダ</translation>
    </message>
    <message>
        <source>image size in pixels (default 1920x1080)</source>
        <translation>画像サイズ（ピクセル、既定 1920x1080）</translation>
    </message>
    <message>
        <source>format for --chart all</source>
        <translation>--chart all の場合の形式</translation>
    </message>
    <message>
        <source>transparent background (PNG, SVG)</source>
        <translation>背景を透明にする（PNG、SVG）</translation>
    </message>
    <message>
        <source>colours (default light)</source>
        <translation>配色（既定 light）</translation>
    </message>
    <message>
        <source>list the chart names and exit (with a portfolio FILE: its charts)</source>
        <translation>グラフ名を一覧表示して終了する（FILE がポートフォリオならそのグラフ）</translation>
    </message>
    <message>
        <source>write the one-page PDF report (KPIs, charts, assumptions with sources)</source>
        <translation>1ページの PDF レポートを書き出す（KPI、グラフ、出典付きの前提条件）</translation>
    </message>
    <message>
        <source>the report file (.pdf)</source>
        <translation>レポートファイル（.pdf）</translation>
    </message>
    <message>
        <source>write an editable PowerPoint deck (native charts, KPIs, assumptions and sources, speaker notes) of a scenario or a portfolio</source>
        <translation>シナリオまたはポートフォリオの編集できるPowerPointのスライドを書き出す（PowerPointのグラフ、KPI、前提条件と出典、発表者ノート）</translation>
    </message>
    <message>
        <source>a scenario file or preset to compare with, drawn over the charts and tabled; the first is the baseline (up to 3; not with a portfolio)</source>
        <translation>比較するシナリオファイルまたはプリセット。グラフに重ねて描き、表にします。最初のものがベースライン（3つまで。ポートフォリオでは使えません）</translation>
    </message>
    <message>
        <source>--compare compares scenarios, and {name} is a portfolio: its deck sets its members side by side already (leave out --compare, or give a scenario)</source>
        <translation>--compare はシナリオを比較するものですが、{name} はポートフォリオです。ポートフォリオのスライドはすでに案件を並べて示します（--compare を外すか、シナリオを指定してください）</translation>
    </message>
    <message>
        <source>the deck file (.pptx)</source>
        <translation>スライドのファイル（.pptx）</translation>
    </message>
    <message>
        <source>no colours of our own: the charts take the deck theme&apos;s (for a corporate template)</source>
        <translation>アプリの配色を使わず、グラフにスライドのテーマの色を使う（社内テンプレート向け）</translation>
    </message>
    <message>
        <source>A portfolio FILE has its own charts: {charts} (render PORTFOLIO --list).</source>
        <translation>FILE がポートフォリオの場合は専用のグラフがあります: {charts}（render PORTFOLIO --list）。</translation>
    </message>
    <message>
        <source>render needs FILE, --chart NAME and --out PATH (or --list)</source>
        <translation>render には FILE、--chart NAME、--out PATH が必要です（または --list）</translation>
    </message>
    <message>
        <source>unknown chart &apos;{chart}&apos;; a portfolio&apos;s charts: {charts}, or &apos;all&apos;</source>
        <translation>不明なグラフ &apos;{chart}&apos; です。ポートフォリオのグラフ: {charts}、または &apos;all&apos;</translation>
    </message>
    <message>
        <source>unknown chart &apos;{chart}&apos;; charts: {charts}, or &apos;all&apos;</source>
        <translation>不明なグラフ &apos;{chart}&apos; です。グラフ: {charts}、または &apos;all&apos;</translation>
    </message>
    <message>
        <source>with --chart all, --out is a folder, not a file ({name}); choose the format with --format</source>
        <translation>--chart all の場合、--out にはファイルではなくフォルダを指定します（{name}）。形式は --format で選んでください</translation>
    </message>
    <message>
        <source>cannot write into {folder}: the folder {parent} does not exist</source>
        <translation>{folder} に書き込めません: フォルダ {parent} が存在しません</translation>
    </message>
    <message>
        <source>cannot create {folder}: {reason}</source>
        <translation>{folder} を作成できません: {reason}</translation>
    </message>
    <message>
        <source>--compare: up to {count} scenarios can be compared with this one</source>
        <translation>--compare：このシナリオと比較できるのは{count}個までです</translation>
    </message>
    <message>
        <source>1920 × 1080 (Full HD slide)</source>
        <translation>1920 × 1080（フルHDスライド）</translation>
    </message>
    <message>
        <source>1280 × 720 (HD slide)</source>
        <translation>1280 × 720（HDスライド）</translation>
    </message>
    <message>
        <source>3840 × 2160 (4K)</source>
        <translation>3840 × 2160（4K）</translation>
    </message>
    <message>
        <source>image size {width} × {height} is outside 16 to 10,000 pixels per side</source>
        <translation>画像サイズ {width} × {height} は、1辺16～10,000ピクセルの範囲外です</translation>
    </message>
    <message>
        <source>scale factor {scale} is outside 0.25 to 10</source>
        <translation>拡大率 {scale} は0.25～10の範囲外です</translation>
    </message>
    <message>
        <source>the PNG encoder failed</source>
        <translation>PNGのエンコードに失敗しました</translation>
    </message>
    <message>
        <source>unknown picture format &apos;{format}&apos;; use {formats}</source>
        <translation>不明な画像形式 &apos;{format}&apos;。{formats} のいずれかを使ってください</translation>
    </message>
    <message>
        <source>{name}: unknown picture format &apos;{suffix}&apos;; use .png, .svg or .pdf</source>
        <translation>{name}：不明な画像形式 &apos;{suffix}&apos;。.png、.svg、.pdf のいずれかを使ってください</translation>
    </message>
    <message>
        <source>cannot write into {folder}: it is not an existing folder</source>
        <translation>{folder} に書き込めません：既存のフォルダではありません</translation>
    </message>
    <message>
        <source>The settings file {path} is not used: it cannot be read ({error}).</source>
        <translation>設定ファイル {path} は使用しません：読み込めません（{error}）。</translation>
    </message>
    <message>
        <source>The settings file {path} is not used: it is not a regular file.</source>
        <translation>設定ファイル {path} は使用しません：通常のファイルではありません。</translation>
    </message>
    <message>
        <source>The settings file {path} is not used: it is too large ({size} bytes).</source>
        <translation>設定ファイル {path} は使用しません：サイズが大きすぎます（{size} バイト）。</translation>
    </message>
    <message>
        <source>Baseline: {name}</source>
        <translation>ベースライン：{name}</translation>
    </message>
    <message>
        <source>Up to {count} scenarios can be compared side by side, the current one included. Clear the comparison before pinning a baseline.</source>
        <translation>並べて比較できるシナリオは、現在のシナリオを含めて{count}件までです。ベースラインを固定する前に比較をクリアしてください。</translation>
    </message>
    <message>
        <source>Up to {count} scenarios can be compared side by side, the current one included. Clear the comparison first.</source>
        <translation>並べて比較できるシナリオは、現在のシナリオを含めて{count}件までです。先に比較をクリアしてください。</translation>
    </message>
    <message>
        <source>{share} of the contract; it implies {price}/GPU-h</source>
        <translation>契約総額の{share}。GPU時間あたり{price}に相当</translation>
    </message>
    <message>
        <source>average draw {average}; IT {it} provisioned</source>
        <translation>平均消費電力 {average}、IT設備容量 {it}</translation>
    </message>
    <message>
        <source>{count} per GW provisioned (sized by power)</source>
        <translation>設備容量1GWあたり{count}基（電力から算出）</translation>
    </message>
    <message>
        <source>{count} per GW provisioned</source>
        <translation>設備容量1GWあたり{count}基</translation>
    </message>
    <message>
        <source>{line}; the contract buys {count} at these prices</source>
        <translation>{line}。この価格では契約総額で{count}基分</translation>
    </message>
    <message>
        <source>{count} per serving GPU</source>
        <translation>推論GPU 1基あたり {count}</translation>
    </message>
    <message>
        <source>{conditions}; margin {margin} at {price}/M; break-even not reached</source>
        <translation>{conditions}。100万トークンあたり{price}で粗利{margin}、損益分岐に届かず</translation>
    </message>
    <message>
        <source>{conditions}; margin {margin} at {price}/M; break-even at {share} utilisation</source>
        <translation>{conditions}。100万トークンあたり{price}で粗利{margin}、損益分岐は稼働率{share}</translation>
    </message>
    <message>
        <source>no serving: {conditions}</source>
        <translation>推論なし：{conditions}</translation>
    </message>
    <message>
        <source>P10–P90 updating…</source>
        <translation>P10–P90 更新中…</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>ピーク</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>実効</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>期間推移</translation>
    </message>
    <message>
        <source>vs speed</source>
        <translation>速度別</translation>
    </message>
    <message>
        <source>Per-chip prices</source>
        <translation>チップ別価格</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>the display format of a month box (Qt date format)</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>{problem}. Type a number from {allowed}.</source>
        <translation>{problem}。{allowed}の数値を入力してください。</translation>
    </message>
    <message>
        <source>{value} is outside what is allowed, {allowed}.</source>
        <translation>{value}は許容範囲（{allowed}）の外です。</translation>
    </message>
    <message>
        <source>{value} is not a whole number ({allowed}).</source>
        <translation>{value}は整数ではありません（{allowed}）。</translation>
    </message>
    <message>
        <source>{name}: {message}</source>
        <translation>{name}：{message}</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <source>Compared {number}</source>
        <translation>比較{number}</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>比較表</translation>
    </message>
    <message>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source> vCPUs</source>
        <translation> vCPU</translation>
    </message>
    <message>
        <source> B params</source>
        <translation> B パラメータ</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <source>Custom (parameter counts below)</source>
        <translation>カスタム（パラメータ数は下で指定）</translation>
    </message>
    <message>
        <source>(as saved: {value})</source>
        <translation>（保存時：{value}）</translation>
    </message>
    <message>
        <source>(as opened: {value})</source>
        <translation>（開いた時点：{value}）</translation>
    </message>
    <message>
        <source>(as first slide: {value})</source>
        <translation>（最初のスライド：{value}）</translation>
    </message>
    <message>
        <source>(as baseline: {value})</source>
        <translation>（ベースライン：{value}）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy this figure as text</source>
        <translation>この数値をテキストとしてコピー</translation>
    </message>
    <message>
        <source>(as {against}: {value})</source>
        <translation>（{against}：{value}）</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU数</translation>
    </message>
    <message>
        <source>GPUs</source>
        <comment>after a number of accelerators</comment>
        <translation>基</translation>
    </message>
    <message>
        <source>Facility power</source>
        <translation>設備電力容量</translation>
    </message>
    <message>
        <source>Fleet size unit</source>
        <translation>フリート規模の単位</translation>
    </message>
    <message>
        <source>Size the fleet by accelerators, or by provisioned facility power as the 2025 deals were announced (the accelerators then follow from the chip mix)</source>
        <translation>フリート規模をアクセラレータ数で指定するか、2025年の各契約の発表と同じく設備電力容量で指定します（その場合、アクセラレータ数はチップ構成から決まります）</translation>
    </message>
    <message>
        <source>Fleet size, the other figure</source>
        <translation>フリート規模（もう一方の単位）</translation>
    </message>
    <message>
        <source>The same fleet in the other unit: provisioned facility power, or accelerators</source>
        <translation>同じフリートをもう一方の単位で表示：設備電力容量またはアクセラレータ数</translation>
    </message>
    <message>
        <source>Fleet size</source>
        <translation>フリート規模</translation>
    </message>
    <message>
        <source>in</source>
        <comment>fleet size in a unit</comment>
        <translation>単位</translation>
    </message>
    <message>
        <source>≈ {power} provisioned facility power</source>
        <translation>≈ 設備電力容量 {power}</translation>
    </message>
    <message>
        <source>≈ {count} accelerators</source>
        <translation>≈ アクセラレータ {count} 基</translation>
    </message>
    <message>
        <source>(estimate)</source>
        <translation>（推定）</translation>
    </message>
    <message>
        <source>your override</source>
        <translation>ユーザー指定の価格</translation>
    </message>
    <message>
        <source>catalog price × chip price scale</source>
        <translation>カタログ価格 × チップ価格の係数</translation>
    </message>
    <message>
        <source>Entered in USD: {amount} at {rate}</source>
        <translation>入力はUSD建て。{rate}換算で{amount}</translation>
    </message>
    <message>
        <source>Catalog source:</source>
        <translation>カタログの出典：</translation>
    </message>
    <message>
        <source>chip</source>
        <translation>チップ</translation>
    </message>
    <message>
        <source>rent USD/GPU·h</source>
        <translation>レンタル USD/GPU時間</translation>
    </message>
    <message>
        <source>purchase USD</source>
        <translation>購入 USD</translation>
    </message>
    <message>
        <source>Rent per GPU-hour without power (power is costed from the energy price)</source>
        <translation>電力を除くGPU時間あたりのレンタル料（電力は電力単価から計上）</translation>
    </message>
    <message>
        <source>Purchase price per accelerator, with its share of the system</source>
        <translation>アクセラレータ1基あたりの購入価格（システム分の按分を含む）</translation>
    </message>
    <message>
        <source>Rent price of {chip}</source>
        <translation>{chip}のレンタル価格</translation>
    </message>
    <message>
        <source>Purchase price of {chip}</source>
        <translation>{chip}の購入価格</translation>
    </message>
    <message>
        <source>Reset rent price of {chip}</source>
        <translation>{chip}のレンタル価格を元に戻す</translation>
    </message>
    <message>
        <source>Reset purchase price of {chip}</source>
        <translation>{chip}の購入価格を元に戻す</translation>
    </message>
    <message>
        <source>Back to the catalog price</source>
        <translation>カタログ価格に戻す</translation>
    </message>
    <message>
        <source>Estimate:</source>
        <translation>推定：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>出典：</translation>
    </message>
    <message>
        <source>Allowed: {range}</source>
        <translation>許容範囲：{range}</translation>
    </message>
    <message>
        <source>{flops} BF16 TFLOP/s{flops_estimate}, {memory} GB at {bandwidth} TB/s{bandwidth_estimate}; {tdp} W{tdp_estimate}, {provisioned} W provisioned with its system and cluster share{provisioned_estimate}</source>
        <translation>{flops} BF16 TFLOP/s{flops_estimate}、メモリ {memory} GB・{bandwidth} TB/s{bandwidth_estimate}。TDP {tdp} W{tdp_estimate}、システムとクラスタの按分を含む設備容量 {provisioned} W{provisioned_estimate}</translation>
    </message>
    <message>
        <source>Rent {rent} per GPU-hour{rent_estimate}; purchase {purchase}{purchase_estimate}</source>
        <translation>レンタル：GPU時間あたり{rent}{rent_estimate}。購入：{purchase}{purchase_estimate}</translation>
    </message>
    <message>
        <source>Specs:</source>
        <translation>仕様：</translation>
    </message>
    <message>
        <source>Power:</source>
        <translation>電力：</translation>
    </message>
    <message>
        <source>Prices:</source>
        <translation>価格：</translation>
    </message>
    <message>
        <source>TWh per year</source>
        <translation>TWh/年</translation>
    </message>
    <message>
        <source>GWh per year</source>
        <translation>GWh/年</translation>
    </message>
    <message>
        <source>MWh per year</source>
        <translation>MWh/年</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要指標</translation>
    </message>
    <message>
        <source>Uncertainty: the P10–P90 range of {what} in {month} is {low} to {high} ({samples} samples of the scenario&apos;s ranges). The app draws the range as a shaded fan; PowerPoint has no fan chart, so this slide draws P10, the median and P90 as dashed lines.</source>
        <translation>不確実性：{month}の{what}のP10–P90の範囲は{low}から{high}です（シナリオの不確実性の範囲から{samples}サンプル）。アプリではこの範囲を網掛けの帯（ファンチャート）で描きますが、PowerPointにはファンチャートがないため、このスライドではP10、中央値、P90を破線で示しています。</translation>
    </message>
    <message>
        <source>Dash-dot lines: the compared scenarios ({names}).</source>
        <translation>一点鎖線：比較対象のシナリオ（{names}）。</translation>
    </message>
    <message>
        <source>Key assumptions: {count} accelerators ({mix}) over {months} months from {start}, all deployed by {ramp_end}; pricing: {pricing}; energy at {price} per kWh; PUE {pue} (design {design_pue}); utilisation {utilization}.</source>
        <translation>主な前提条件：アクセラレータ{count}基（{mix}）、{start}から{months}か月、{ramp_end}までに全量導入。調達方式：{pricing}。電力単価は1kWhあたり{price}、PUE {pue}（設計値 {design_pue}）、稼働率 {utilization}。</translation>
    </message>
    <message>
        <source>Portfolio files (*.json);;All files (*)</source>
        <translation>ポートフォリオファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Chip family</source>
        <translation>チップ系統</translation>
    </message>
    <message>
        <source>stacked by member</source>
        <translation>案件別の積み上げ</translation>
    </message>
    <message>
        <source>stacked by provider</source>
        <translation>調達先別の積み上げ</translation>
    </message>
    <message>
        <source>stacked by chip family</source>
        <translation>チップ系統別の積み上げ</translation>
    </message>
    <message>
        <source>Accelerators installed</source>
        <translation>稼働アクセラレータ数</translation>
    </message>
    <message>
        <source>Cost per month</source>
        <translation>月次コスト</translation>
    </message>
    <message>
        <source>Cumulative commitments</source>
        <translation>累積コミットメント</translation>
    </message>
    <message>
        <source>Revenue: {amount} per year</source>
        <translation>売上：年{amount}</translation>
    </message>
    <message>
        <source>Switch on &apos;{label}&apos;</source>
        <translation>「{label}」をオン</translation>
    </message>
    <message>
        <source>Switch off &apos;{label}&apos;</source>
        <translation>「{label}」をオフ</translation>
    </message>
    <message>
        <source>Portfolio: {name}</source>
        <translation>ポートフォリオ: {name}</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>構成案件</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>ポートフォリオ(&amp;P)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Add the main window&apos;s scenario…</source>
        <translation>メインウィンドウのシナリオを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove the selected member</source>
        <translation>選択した案件を削除(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;data (Excel)…</source>
        <translation>データを書き出す（Excel）(&amp;D)…</translation>
    </message>
    <message>
        <source>Export the re&amp;port (PDF)…</source>
        <translation>レポートを書き出す（PDF）(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit in the main window</source>
        <translation>メインウィンドウで編集(&amp;E)</translation>
    </message>
    <message>
        <source>Open the selected member&apos;s scenario as the main window&apos;s current scenario; the portfolio follows its sliders</source>
        <translation>選択した案件のシナリオをメインウィンドウの現在のシナリオとして開きます。ポートフォリオはそのスライダーに追従します</translation>
    </message>
    <message>
        <source>A&amp;dd current…</source>
        <translation>現在のシナリオを追加(&amp;D)…</translation>
    </message>
    <message>
        <source>Add the main window&apos;s scenario, as it is now, as a member</source>
        <translation>メインウィンドウのシナリオを現在の状態のまま案件として追加します</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected member from the portfolio (Delete on the table; undoable)</source>
        <translation>選択した案件をポートフォリオから削除します（表で Delete キー。元に戻せます）</translation>
    </message>
    <message>
        <source>Stack &amp;by:</source>
        <translation>積み上げ(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Revenue per year (USD billions):</source>
        <translation>年間売上（億ドル）(&amp;R):</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Revenue per year to compare with the yearly commitments, in USD billions (e.g. 13 or 13.5); empty: no line</source>
        <translation>年間コミットメントと比べる年間売上（億ドル単位、例: 130 または 135）。空欄なら線を表示しません</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>出典：</translation>
    </message>
    <message>
        <source>Switch &apos;{label}&apos; on or off (Space); Ctrl+Z undoes it</source>
        <translation>「{label}」のオン・オフを切り替えます（Space）。Ctrl+Z で元に戻せます</translation>
    </message>
    <message>
        <source>{count} of {total} members switched on</source>
        <translation>{total}件中{count}件がオン</translation>
    </message>
    <message>
        <source>1 member; its modelled cost: {cost}</source>
        <translation>1件。そのモデル上のコスト: {cost}</translation>
    </message>
    <message>
        <source>{count} members; their modelled cost: {cost}</source>
        <translation>{count}件。そのモデル上のコスト: {cost}</translation>
    </message>
    <message>
        <source>in {year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>1 provider</source>
        <translation>調達先1社</translation>
    </message>
    <message>
        <source>{count} providers</source>
        <translation>調達先{count}社</translation>
    </message>
    <message>
        <source>Highly concentrated (above 1,800)</source>
        <translation>高度に集中（1,800超）</translation>
    </message>
    <message>
        <source>Not highly concentrated (1,800 or less)</source>
        <translation>高度な集中ではない（1,800以下）</translation>
    </message>
    <message>
        <source>{share} of cost</source>
        <translation>コストの{share}</translation>
    </message>
    <message>
        <source>{share} of accelerators at the peak</source>
        <translation>ピーク時アクセラレータ数の{share}</translation>
    </message>
    <message>
        <source>{unit} billions</source>
        <translation>10億{unit}</translation>
    </message>
    <message>
        <source>millions</source>
        <translation>百万基</translation>
    </message>
    <message>
        <source>Commitments per calendar year</source>
        <translation>暦年ごとのコミットメント</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number: type USD billions per year, e.g. 13.5</source>
        <translation>「{text}」は数値ではありません。年間の売上を億ドル単位で入力してください（例: 135）</translation>
    </message>
    <message>
        <source>Revenue per year must be between 0 and 1,000,000 USD billions</source>
        <translation>年間売上は0〜10,000,000（億ドル単位）で入力してください</translation>
    </message>
    <message>
        <source>Editing &apos;{label}&apos; in the main window: the portfolio follows its changes.</source>
        <translation>メインウィンドウで「{label}」を編集中: ポートフォリオは変更に追従します。</translation>
    </message>
    <message>
        <source>Cannot add to the portfolio</source>
        <translation>ポートフォリオに追加できません</translation>
    </message>
    <message>
        <source>Add &apos;{label}&apos;</source>
        <translation>「{label}」を追加</translation>
    </message>
    <message>
        <source>Remove &apos;{label}&apos;</source>
        <translation>「{label}」を削除</translation>
    </message>
    <message>
        <source>The portfolio keeps the earlier chip catalog: {problem}</source>
        <translation>ポートフォリオは以前のチップカタログのままです: {problem}</translation>
    </message>
    <message>
        <source>Save portfolio as</source>
        <translation>ポートフォリオに名前を付けて保存</translation>
    </message>
    <message>
        <source>Cannot save portfolio</source>
        <translation>ポートフォリオを保存できません</translation>
    </message>
    <message>
        <source>{file} is one of the shipped portfolios, which stay as they are: choose another folder.</source>
        <translation>{file} は同梱のポートフォリオで、変更できません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>PowerPoint decks (*.pptx)</source>
        <translation>PowerPoint スライド (*.pptx)</translation>
    </message>
    <message>
        <source>Export the portfolio</source>
        <translation>ポートフォリオを書き出す</translation>
    </message>
    <message>
        <source>Cannot export the portfolio</source>
        <translation>ポートフォリオを書き出せません</translation>
    </message>
    <message>
        <source>Cannot open portfolio</source>
        <translation>ポートフォリオを開けません</translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation>ポートフォリオを開く</translation>
    </message>
    <message>
        <source>Compute Scenario Explorer · {date}</source>
        <translation>Compute Scenario Explorer · {date}</translation>
    </message>
    <message>
        <source>Modelled from public sources and marked estimates; every assumption and its source is on the last slides. Equations and sources: the app&apos;s Help ▸ Model and sources (docs/model.md).</source>
        <translation>公開情報と明示した推定に基づくモデル値です。すべての前提条件と出典は最後のスライドに記載しています。計算式と出典：アプリのヘルプ → モデルと出典（docs/model.md）。</translation>
    </message>
    <message>
        <source>The six headline figures of the scenario, as the window&apos;s cards show them.</source>
        <translation>シナリオの6つの主要指標です（画面のカードと同じ値）。</translation>
    </message>
    <message>
        <source>P10–P90: the range of each figure over {samples} samples of the scenario&apos;s uncertainty ranges.</source>
        <translation>P10–P90：シナリオの不確実性の範囲から{samples}サンプルを取ったときの各指標の範囲。</translation>
    </message>
    <message>
        <source>Each is compared with the baseline, {name} (its figure in brackets).</source>
        <translation>各指標をベースライン「{name}」と比較しています（括弧内はベースラインの値）。</translation>
    </message>
    <message>
        <source>What it shows: the fleet&apos;s compute by chip ({precision}, {measure}), month by month over the term, stacked: the top edge is the whole fleet. It grows as the chips are deployed, until {ramp_end}, and reaches {total} {unit}.</source>
        <translation>このグラフ：フリートの計算能力（{precision}、{measure}）をチップ別に積み上げ、期間中の月ごとに示します。上端がフリート全体です。チップの導入に伴い{ramp_end}まで増え、{total} {unit}に達します。</translation>
    </message>
    <message>
        <source>the total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Energy per fiscal year</source>
        <translation>年度別の電力量</translation>
    </message>
    <message>
        <source>Energy per year</source>
        <translation>年間電力量</translation>
    </message>
    <message>
        <source>What it shows: on the left, the power the site must deliver, provisioned for its hottest day with every machine flat out ({facility} at peak), the IT power inside it ({it}), and the average draw ({average}) that the energy bill follows; on the right, the energy the fleet uses each year at that average draw, {energy} over the term.</source>
        <translation>このグラフ：左は、最も暑い日に全機がフル稼働しても供給できるよう施設が確保すべき電力（設備電力容量、ピーク時{facility}）、そのうちのIT電力（{it}）、電力料金の基になる平均消費電力（{average}）です。右は、その平均消費電力でフリートが毎年使う電力量で、期間合計は{energy}です。</translation>
    </message>
    <message>
        <source>In the app the energy bars stand under the power lines on a second axis, scaled so that a year run at a line&apos;s power all year long reaches that line; PowerPoint cannot put yearly bars under monthly lines on one time axis, so the energy is a chart of its own here.</source>
        <translation>アプリでは電力量の棒グラフを第2軸に取って電力の折れ線の下に描き、ある電力で1年間運転した年の棒がその線に届くよう目盛りを合わせています。PowerPointでは月ごとの折れ線と年ごとの棒を1本の時間軸に重ねられないため、ここでは電力量を別のグラフにしています。</translation>
    </message>
    <message>
        <source>Part years (fewer than 12 months of the term): {years}.</source>
        <translation>期間が12か月に満たない年：{years}。</translation>
    </message>
    <message>
        <source>the provisioned facility power</source>
        <translation>設備電力容量</translation>
    </message>
    <message>
        <source>Over the term the fleet serves at {cost} per million output tokens ({conditions}); at full deployment it serves {tokens}.</source>
        <translation>期間を通じた100万出力トークンあたりのコストは{cost}です（{conditions}）。全量導入時の提供量は{tokens}です。</translation>
    </message>
    <message>
        <source>The app&apos;s right axis reads the same curve as the cost per busy GPU-hour ({per_hour} over the term); PowerPoint cannot give one curve a second scale, so the slide shows the cost per million tokens only.</source>
        <translation>アプリの右軸は同じ曲線を稼働GPU時間あたりのコスト（期間平均{per_hour}）として読みます。PowerPointでは1本の曲線に2つ目の目盛りを付けられないため、このスライドは100万トークンあたりのコストのみを示します。</translation>
    </message>
    <message>
        <source>On this slide the fleet&apos;s figure is a diamond (the app draws a ring).</source>
        <translation>このスライドではフリート全体の値をひし形で示します（アプリではリング）。</translation>
    </message>
    <message>
        <source>the fleet at its speed</source>
        <translation>フリート全体の値</translation>
    </message>
    <message>
        <source>at the scenario&apos;s speed</source>
        <translation>シナリオの速度での値</translation>
    </message>
    <message>
        <source>At the scenario&apos;s speed ({speed} tok/s per user) the fleet&apos;s cost is {cost} per million output tokens.</source>
        <translation>シナリオの速度（ユーザーあたり{speed}トークン/秒）では、フリート全体のコストは100万出力トークンあたり{cost}です。</translation>
    </message>
    <message>
        <source>The cheapest chip there is {chip}, at {cost}.</source>
        <translation>この速度で最も安いチップは{chip}で、{cost}です。</translation>
    </message>
    <message>
        <source>Native chart: an XY scatter with both axes logarithmic, as in the app.</source>
        <translation>PowerPointのグラフ：アプリと同じく両軸を対数目盛りにした散布図です。</translation>
    </message>
    <message>
        <source>What it shows: the cost of each month by component, stacked (a short February is a shorter bar). The term costs {total}: {parts}.</source>
        <translation>このグラフ：月ごとのコストを費目別に積み上げて示します（日数の少ない2月は棒が短くなります）。期間の総コストは{total}です：{parts}。</translation>
    </message>
    <message>
        <source>The rents include electricity: the energy bar is the part of the rent that pays for it, not a bill of its own.</source>
        <translation>レンタル料金には電力費が含まれます。電力の棒はレンタル料金のうち電力に充たる部分で、別途の請求ではありません。</translation>
    </message>
    <message>
        <source>By the end of the term it reaches {total}, {share} of the contract value of {contract}.</source>
        <translation>期間末には{total}に達し、契約総額{contract}の{share}になります。</translation>
    </message>
    <message>
        <source>It exceeds the contract in {month}.</source>
        <translation>{month}に契約総額を超えます。</translation>
    </message>
    <message>
        <source>It stays within the contract over the whole term.</source>
        <translation>期間を通じて契約総額の範囲内に収まります。</translation>
    </message>
    <message>
        <source>By the end of the term it reaches {total}; the scenario names no contract value.</source>
        <translation>期間末には{total}に達します。このシナリオには契約総額の指定がありません。</translation>
    </message>
    <message>
        <source>What it shows: the cost summed from the start of the term, month by month, against the contract value (dashed).</source>
        <translation>このグラフ：期間の初めから積み上げたコストを月ごとに、契約総額（破線）と比べて示します。</translation>
    </message>
    <message>
        <source>the cumulative cost</source>
        <translation>累積コスト</translation>
    </message>
    <message>
        <source>What it shows: how far {kpi} moves when one input goes to the low or the high end of its range, every other input at its value; the largest swings on top. The axis is the change from the base value in percent (the app&apos;s dashed base line is the zero).</source>
        <translation>このグラフ：ほかの入力を設定値に固定し、1つの入力を範囲の下限または上限にしたときに{kpi}がどれだけ動くかを示します。振れ幅の大きいものが上です。横軸は基準値からの変化率（%）で、アプリの破線の基準線がゼロにあたります。</translation>
    </message>
    <message>
        <source>Base: {base}. The widest swing: {input}, from {low} at {low_input} to {high} at {high_input}.</source>
        <translation>基準値：{base}。振れ幅が最大なのは{input}で、{low_input}のとき{low}、{high_input}のとき{high}です。</translation>
    </message>
    <message>
        <source>Sources of the ranges:</source>
        <translation>範囲の出典：</translation>
    </message>
    <message>
        <source>The comparison as the window&apos;s table shows it: each figure per scenario, the baseline first; Δ is the difference to the baseline.</source>
        <translation>画面の比較表と同じ内容です。シナリオごとの各指標を、ベースラインを先頭に並べています。Δはベースラインとの差です。</translation>
    </message>
    <message>
        <source>{value} (default {default})</source>
        <translation>{value}（既定値 {default}）</translation>
    </message>
    <message>
        <source>catalog row, as of {date}</source>
        <translation>チップカタログの行（{date}時点）</translation>
    </message>
    <message>
        <source>{count} assumptions differ from their defaults (in bold, with the default); then the key assumptions and the chips&apos; catalog sources.</source>
        <translation>{count}件の前提条件が既定値と異なります（太字、既定値を併記）。続いて主な前提条件と、チップカタログの出典を示します。</translation>
    </message>
    <message>
        <source>1 assumption differs from its default (in bold, with the default); then the key assumptions and the chips&apos; catalog sources.</source>
        <translation>1件の前提条件が既定値と異なります（太字、既定値を併記）。続いて主な前提条件と、チップカタログの出典を示します。</translation>
    </message>
    <message>
        <source>Every assumption is at its default value; below, the key assumptions and the chips&apos; catalog sources.</source>
        <translation>すべての前提条件が既定値です。以下に主な前提条件と、チップカタログの出典を示します。</translation>
    </message>
    <message>
        <source>Uncertainty ranges on {count} inputs ({samples} samples, seed {seed}).</source>
        <translation>不確実性の範囲は{count}個の入力に設定（サンプル数 {samples}、シード {seed}）。</translation>
    </message>
    <message>
        <source>Assumptions and sources</source>
        <translation>前提条件と出典</translation>
    </message>
    <message>
        <source>{title} ({page} of {pages})</source>
        <translation>{title}（{page}/{pages}）</translation>
    </message>
    <message>
        <source>{name}: slides are a PowerPoint file; use a .pptx name</source>
        <translation>{name}：スライドはPowerPointファイルです。拡張子 .pptx の名前にしてください</translation>
    </message>
    <message>
        <source>Add to the portfolio</source>
        <translation>ポートフォリオに追加</translation>
    </message>
    <message>
        <source>Member label</source>
        <translation>案件名</translation>
    </message>
    <message>
        <source>Adds “{name}” as it is now in the main window (kept inside the portfolio file).</source>
        <translation>メインウィンドウの「{name}」を現在の状態のまま追加します（ポートフォリオファイルの中に保存されます）。</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>案件名(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>調達先(&amp;P):</translation>
    </message>
    <message>
        <source>Give the member a label.</source>
        <translation>案件名を入力してください。</translation>
    </message>
    <message>
        <source>“{label}” is taken: labels are unique.</source>
        <translation>「{label}」は使われています。案件名は重複できません。</translation>
    </message>
    <message>
        <source>New York close on 4 November 2025, the day after the OpenAI–AWS announcement: 1ドル=153円67銭前後 (MINKABU PRESS, 2025-11-05, https://news.livedoor.com/topics/detail/29921653/)</source>
        <translation>2025年11月4日のニューヨーク終値（OpenAI–AWS発表の翌日）：1ドル=153円67銭前後（MINKABU PRESS、2025-11-05、https://news.livedoor.com/topics/detail/29921653/）</translation>
    </message>
</context>
</TS>
