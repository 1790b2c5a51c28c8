/// Japanese news words and patterns, written for the benchmark: kanji words, katakana
/// loan words, and the particles and verb endings that join them.
enum JapaneseNewsWords {
    static let phrasebook = CJKPhrasebook(
        words: [
            "place": "東京 大阪 京都 横浜 名古屋 札幌 福岡 神戸 仙台 広島 那覇 新潟 千葉 埼玉 静岡 金沢 熊本 鹿児島 長野 岡山",
            "org": """
                政府 内閣府 財務省 経済産業省 国土交通省 文部科学省 厚生労働省 日本銀行 気象庁 警察庁 東京都
                大阪府 市役所 国会 総務省 環境省 消費者庁 東京証券取引所 経団連 鉄道会社
                """,
            "role": "首相 大臣 知事 市長 記者 専門家 教授 社長 担当者 関係者 住民 利用者 観光客 研究者 弁護士 医師 学生 会社員",
            "noun": """
                経済 発表 会社 企業 市場 株価 円安 物価 賃金 雇用 選挙 会見 調査 報告書 技術 人工知能 半導体
                自動車 電気自動車 鉄道 新幹線 地下鉄 空港 観光 旅行 地震 台風 大雨 気温 病院 医療 学校 大学
                子ども 高齢者 人口 住宅 予算 税金 輸出 輸入 貿易 銀行 金利 改札 路線 運賃 電力 エネルギー
                データ システム サービス デジタル ロボット プロジェクト イベント スマートフォン ニュース
                テクノロジー 工場 生産 売上高 利益 投資 計画 対策 制度 法案 支援 安全 環境 災害 避難 農業 漁業
                文化 祭り 映画 音楽 サッカー 野球 大会 選手 優勝 経済対策 駅前 再開発
                """,
            "verb": """
                発表した 開始した 決定した 明らかにした 述べた 強調した 開催された 公開された 導入する方針だ
                検討している 見込みだ 予定だ 始まった 再開した 延期した 合意した 承認した 拡大した
                """,
            "trend": "増加した 減少した 上昇した 低下した 伸びた 落ち込んだ",
            "time": "今日 昨日 今週 先週 今月 先月 今年 昨年 来年 午前 午後 夜 現在 今後 同日",
            "surname": """
                佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤
                清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤
                """,
            "given": """
                翔太 大輔 健太 拓也 直樹 陽菜 結衣 美咲 さくら 葵 蓮 湊 悠真 陽翔 樹 大和 花子 太郎 一郎 恵子
                由美 裕子 真由美 愛 舞 彩 優子 翼 誠 健 学 浩 隆 聡 亮 修 実 明美 恵 香織
                """,
            "adj": "新しい 大規模な 初めての 全国的な 地域の 主要な 国際的な 新たな 最大の",
        ],
        titles: [
            "{place}の{noun}、{num}{trend}{end}",
            "{org}、{noun}{noun}を{verb}{end}",
            "{place}駅で{noun}が{verb}{end}",
            "{latin}{noun}の{noun}は？",
            "{place}で{adj}{noun}{end}",
        ],
        sentences: [
            "{time}、{place}の{org}は{noun}の{noun}について{verb}{end}",
            "{role}は会見で「{noun}の{noun}を{adj}形で進めたい」と述べた{end}",
            "{org}によると、{noun}は前年比{num}{trend}{end}",
            "{place}駅では{time}から{adj}{noun}が{verb}{end}",
            "{latin}を使った{noun}の{noun}も{verb}{end}",
            "{place}では{noun}と{noun}が{verb}{end}",
            "{role}は「{noun}への影響は大きい」と話している{end}",
            "{noun}の{noun}はどうなるのか？",
            "{org}は{year}年までに{num}の{noun}を目指す{end}",
            "{place}の{role}は{noun}に期待を寄せている{end}",
            "{time}の{noun}市場では{noun}が{trend}{end}",
            "{place}に住む{name}さんは「{noun}が心配だ」と話した{end}",
            "{org}の{name}{role}は記者会見で{noun}について説明した{end}",
        ],
        units: ["%", "億円", "万円", "万人", "人", "件", "台", "キロ"],
        tags: ["経済", "社会", "政治", "国際", "スポーツ", "テクノロジー", "文化", "交通", "気象"],
        givenParts: 1...1, end: "。", exclamation: "！")
}
