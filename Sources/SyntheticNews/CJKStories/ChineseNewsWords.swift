/// Chinese (simplified) news words and patterns, written for the benchmark: common words
/// of city, economy, technology, transport, weather and sports reporting.
enum ChineseNewsWords {
    static let phrasebook = CJKPhrasebook(
        words: [
            "place": """
                北京 上海 深圳 广州 杭州 南京 武汉 成都 重庆 天津 西安 苏州 厦门 青岛 大连 宁波 长沙 郑州
                沈阳 哈尔滨 昆明 福州 合肥 济南 香港 澳门 珠海 东莞 佛山 无锡 贵阳 南宁 海口 兰州 乌鲁木齐
                拉萨 石家庄 太原 南昌 长春
                """,
            "org": """
                国务院 财政部 商务部 教育部 交通运输部 国家统计局 中国人民银行 证监会 市政府 发改委 海关总署
                气象局 卫健委 工信部 科技部 外交部 公安局 人民法院 清华大学 北京大学 中国科学院 行业协会
                集团公司 商业银行 证券交易所 管委会 研究院 市场监管局 生态环境部 国家能源局
                """,
            "role": """
                记者 市长 部长 专家 学者 教授 工程师 发言人 负责人 居民 市民 游客 司机 企业家 投资者 消费者
                工人 学生 医生 志愿者 分析师 经济学家 董事长 总经理
                """,
            "noun": """
                经济 政府 人工智能 机器人 集装箱 吞吐量 地铁 高铁 港口 机场 码头 芯片 半导体 新能源汽车
                电动汽车 动力电池 光伏 电网 数据 算法 平台 市场 股市 债券 利率 通胀 消费 出口 进口 外贸 投资
                基础设施 项目 工程 政策 改革 制度 法规 教育 医疗 医院 疫苗 养老金 就业 工资 住房 房价 租金
                农业 粮食 水稻 天气 暴雨 台风 气温 空气质量 污染 碳排放 森林 河流 水库 旅游 文化 博物馆 展览
                电影 音乐节 体育 足球 篮球 比赛 冠军 运动员 奥运会 科技 创新 研发 专利 实验室 卫星 火箭 航天
                无人机 手机 互联网 网络 软件 系统 安全 交通 道路 桥梁 隧道 物流 快递 供应链 制造业 工厂 产能
                订单 企业 中小企业 金融 保险 税收 预算 财政 收入 社区 学校 家庭 儿童 老人 人口 城市 乡村
                会议 论坛 峰会 报告 调查 数据中心 云计算 大模型 自动驾驶 充电桩 航线 客流 货运量 营业收入
                利润 股价 汇率 外汇储备 消费券 电商 直播 短视频 游戏 版权 知识产权
                """,
            "verb": """
                发布 报道 宣布 推进 推动 加快 扩大 提高 降低 启动 完成 建设 开通 投入 签署 召开 举行 参加
                公布 发现 研究 开发 支持 鼓励 加强 改善 保障 实施 调整 计划 提出 批准 审议 通过 评估 监测
                回应 关注 吸引 带动 突破 升级 优化 部署
                """,
            "say": "表示 指出 认为 介绍说 强调 透露 坦言 称",
            "trend": "增长 下降 上涨 回落 提升 减少 同比增长 环比下降",
            "time": """
                今天 昨天 近日 日前 本周 上周 本月 今年 去年 明年 上午 下午 晚间 目前 此前 随后 同时 此外
                据悉 据了解 今年以来 第一季度 上半年 下半年
                """,
            "surname": """
                王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾
                肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金
                """,
            "given": """
                伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 鹏 辉 建 国 文 斌
                宇 浩 凯 健 俊 帆 帅 旭 宁 龙 欣 佳 颖 婷 雪 琳 晨 阳 瑞 博 昊 天 思 雨 梓 涵 子 轩 睿 萱 怡 诗
                语 嘉 一 可 泽 铭 皓 宸 奕 晗 妍 悦 钰 琪 淼 鑫 森 垚 焱 淳 澄 沐 辰 煜 晟 昕 曦 翊 彦 骏 驰 瀚
                霖 霏 璐 瑶 瑾 璇 琦 珂 珊 蓓 蕾 薇 芸 菲 萌 蓉 莹 茜 荣 蔚 苒 芮 芊 茗 蕊 筱 笛 箐 竹 松 柏 桐
                楠 榕 樟 枫 杉 柯 栋 桦 槿 棠 岚 峰 岩 崇 嵩 峻 岳 巍 川 江 湖 澜 洲 浚 潇 湘 渊 源 溪 沛 润 泓
                滢 漪 汐 沁 洛 淇 涓 冰 凌 冬 春 夏 秋 晓 晴 景 晖 旻 昱 昭 晏 曜 星 月 耀 炜 烨 灿 熠 燕 鸿 鹤
                鸣 凤 麟 鹰 雁 豪 雄 武 威 毅 坚 志 诚 信 忠 义 礼 仁 德 善 贤 良 慧 智 聪 捷 锐 锋 钧 铮 锦 银
                宝 珍 珠 瑜 琛 璋 瑛 琼 玲 珏 晶 莉 兰 梅 菊 荷 莲 桃 杏 樱 芝 芷 茵 蓝 紫 青 翠 碧 彤 丹 素
                """,
            "adj": """
                进一步 持续 大幅 稳步 全面 积极 重要 主要 新 大型 首个 全国 全球 国际 国内 地方 智能 绿色
                数字 高质量 新型 重点 公共 城市
                """,
        ],
        titles: [
            "{place}{noun}{trend}{num}{end}",
            "{place}{verb}{adj}{noun}{end}",
            "{org}{verb}{noun}{noun}{end}",
            "{place}{noun}{noun}创新高！",
            "{latin}{noun}如何{verb}？",
            "{place}{time}{verb}{noun}{end}",
            "{org}：{noun}{trend}{num}{end}",
        ],
        sentences: [
            "{time}，{place}{org}{verb}了{adj}{noun}{noun}工作{end}",
            "{role}{say}，{place}的{noun}{trend}了{num}，{noun}也{trend}{num}{end}",
            "据{org}公布的数据，{time}{place}{noun}{trend}{num}{end}",
            "{place}{noun}{verb}已进入新阶段，{role}对此十分关注{end}",
            "这是{place}{time}以来第{n}次{verb}{noun}{end}",
            "{latin}{noun}在{place}{verb}后，{role}{say}{noun}将更加{adj}{end}",
            "{org}计划在{year}年前{verb}{num}{noun}{noun}{end}",
            "{role}问道：{noun}和{noun}能否同时{verb}？",
            "{place}{noun}{noun}{trend}{num}，创下历史新高！",
            "记者从{place}{org}获悉，{noun}{noun}项目将于{month}月{verb}{end}",
            "{place}{role}{say}，{adj}{noun}对{noun}的影响正在扩大{end}",
            "{time}，{place}{noun}{verb}{latin}{noun}{end}",
            "与此同时，{org}还将{verb}{adj}{noun}，{verb}{noun}{noun}{end}",
            "{place}{org}{role}{say}，{time}将{verb}{num}{noun}{end}",
            "{noun}{noun}的{noun}问题，{role}和{role}看法不一{end}",
            "{place}{org}{role}{name}{say}，{noun}{trend}{num}{end}",
            "{name}是{place}一家{noun}企业的{role}，{time}刚刚{verb}了{noun}{end}",
            "“{noun}{verb}之后，{noun}也会跟着变化，”{role}{name}说{end}",
            "{place}共有{num}{noun}参与{noun}{noun}{end}",
        ],
        units: ["%", "亿元", "万元", "万人", "万辆", "万吨", "万标准箱", "公里", "个", "项", "家", "座"],
        tags: ["经济", "科技", "社会", "国际", "体育", "文化", "教育", "健康", "交通", "环境", "财经", "人工智能", "港口", "城市"],
        givenParts: 1...2, end: "。", exclamation: "！")
}
