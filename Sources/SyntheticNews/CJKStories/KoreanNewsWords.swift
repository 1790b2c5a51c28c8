/// Korean news words and patterns, written for the benchmark: words separated by
/// spaces, particles attached to them (`{noun:을}` picks 을 or 를), sentences ending in `.`.
enum KoreanNewsWords {
    static let phrasebook = CJKPhrasebook(
        words: [
            "place": "서울 부산 인천 대구 대전 광주 울산 수원 세종 제주 창원 고양 성남 청주 전주 포항 강릉 춘천",
            "org": """
                정부 국회 기획재정부 한국은행 산업통상자원부 국토교통부 교육부 보건복지부 서울시 부산시 기상청
                경찰청 통계청 금융위원회 공정거래위원회 환경부 고용노동부 중소벤처기업부 대법원
                """,
            "role": "대통령 장관 시장 기자 전문가 교수 대표 관계자 시민 주민 학생 연구원 의원 소비자 투자자 근로자 관광객",
            "noun": """
                경제 발표 기업 주가 금리 물가 수출 수입 무역 투자 일자리 고용 임금 부동산 아파트 교육 학교 병원
                의료 지하철 버스 공항 항구 반도체 인공지능 로봇 자동차 배터리 전기차 기술 연구 개발 데이터
                플랫폼 관광 축제 날씨 태풍 폭우 기온 환경 보고서 조사 정책 예산 세금 산업 노선 승객 요금 에너지
                전력 원전 생산 매출 이익 계획 대책 제도 법안 지원 안전 재난 농업 문화 영화 음악 축구 야구 대회
                선수 우승 스마트폰 서비스 시스템 인구 청년 노인 주택 전세 반도체산업 인공지능기술 자율주행
                """,
            "verb": """
                발표했다 밝혔다 추진한다 개최했다 시작했다 전망이다 예정이다 강조했다 설명했다 기록했다 확대한다
                결정했다 합의했다 승인했다 공개했다 검토하고 있다
                """,
            "trend": "증가했다 감소했다 상승했다 하락했다 늘었다 줄었다",
            "time": "오늘 어제 이날 이번주 지난주 지난달 올해 지난해 내년 오전 오후 현재 최근",
            "surname": "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍",
            "given": """
                민 준 서 연 지 우 현 수 하 윤 예 은 도 시 유 진 영 주 아 원 재 성 동 혁 경 희 태 호 상 훈 석 철
                미 정 혜 선 나 다 소 채 건 승 기 용 규 찬 범 빈 솔 율 람 슬 별 결 온 담 린 휘 겸
                """,
            "adj": "새로운 대규모 첫 전국 지역 주요 국제 최대",
        ],
        titles: [
            "{place} {noun:이} {num} {trend}{end}",
            "{org}, {noun} {noun:을} {verb}{end}",
            "{place:에서} {adj} {noun} {verb}{end}",
            "{latin} {noun:은} 어디로 가나?",
        ],
        sentences: [
            "{time} {place:에서} {org:은} {noun:을} {verb}{end}",
            "{org:에} 따르면 {noun:은} 전년 대비 {num} {trend}{end}",
            "{role:은} {noun:의} 중요성을 {verb}{end}",
            "{place:의} {noun:은} {adj} {noun:으로} {verb}{end}",
            "{latin} {noun:을} 활용한 {noun:도} {verb}{end}",
            "{time} {place} {noun} {noun:이} {verb}{end}",
            "{noun:은} 앞으로 어떻게 될까?",
            "{org:은} {year}년까지 {noun} {num} 달성을 목표로 {verb}{end}",
            "{place} {role:들은} {noun:과} {noun:에} 대한 관심이 높다고 말했다{end}",
            "{org} {name} {role:은} {noun:이} 중요하다고 말했다{end}",
            "{place:에} 사는 {name} 씨는 {noun:이} 걱정된다고 말했다{end}",
        ],
        units: ["%", "억 원", "조 원", "만 명", "명", "건", "대", "킬로미터"],
        tags: ["경제", "사회", "정치", "국제", "스포츠", "기술", "문화", "교통", "날씨"],
        givenParts: 2...2, end: ".", exclamation: "!")
}
