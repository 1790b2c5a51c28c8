/// Plain news-style passages, written for this benchmark, used when the BBC set is absent.
/// The generator mixes and varies them heavily, so even this small text yields distinct articles.
enum BuiltInText {
    static var documents: [SourceText.Document] {
        passages.map { SourceText.Document(text: Array($0.text.utf8), category: $0.category) }
    }

    static let passages: [(category: String, text: String)] = [
        ("business", """
        Shares in the country's largest retailer fell sharply on Tuesday after the company warned that profits for the year would be lower than expected. The firm blamed weak demand over the winter, rising energy costs and a slower recovery in its online business. Analysts said the warning was the third in eighteen months and questioned whether the new chief executive could turn the group around. The company said it would close forty stores and cut about two thousand jobs, mainly in its head office. Trading in the shares was briefly suspended as the price dropped by a fifth within minutes of the announcement.
        """),
        ("business", """
        The central bank kept interest rates unchanged for a fourth month, saying that inflation was falling more slowly than it had hoped. Its governor told reporters that wage growth remained strong and that the labour market showed few signs of cooling. Economists had been divided on whether the bank would start cutting rates before the summer. Mortgage lenders said the decision would give borrowers little relief, although several banks have already lowered the cost of fixed deals. The currency rose against the dollar and the euro after the statement was published, while government bond yields edged higher.
        """),
        ("business", """
        Oil prices climbed to their highest level in six months as producers agreed to extend output cuts until the end of the year. Ministers meeting in Vienna said the market was still fragile and that demand from Asia was uncertain. Airlines warned that higher fuel bills would push up ticket prices, and shipping firms said freight rates were already rising. Some analysts argued that the cuts would be hard to enforce because several members have repeatedly pumped more than their quotas. The price of petrol at the pump is expected to follow within weeks, adding to pressure on household budgets.
        """),
        ("business", """
        A long-running dispute between the carmaker and its suppliers was settled late on Friday, ending fears that factories could be forced to stop production. Under the deal, the manufacturer will pay higher prices for parts over the next three years in return for guaranteed deliveries. Unions welcomed the agreement but said workers had been left anxious for weeks. The company has invested heavily in electric models and says it needs stable supply chains to meet its targets. Its new plant in the north is due to open next spring and will employ about three thousand people.
        """),
        ("entertainment", """
        The director's latest film took the top prize at the festival on Saturday night, beating a field that critics had called one of the strongest in years. The drama follows a family of fishermen struggling to keep their boat as the harbour around them is turned into a marina. Accepting the award, the director thanked the villagers who appeared as extras and said the story was based on her grandfather's life. The lead actor, a newcomer who had never worked in film before, won the prize for best performance. The film will open in cinemas across Europe in the autumn.
        """),
        ("entertainment", """
        The band announced a reunion tour after more than a decade apart, with twenty dates in stadiums and arenas next summer. Tickets sold out within hours, and fans complained that resale sites were offering seats at several times their face value. The singer said in an interview that the members had settled their differences over dinner last year and had been writing new songs together since. A new album is expected before the tour begins. Promoters said extra dates would be added in cities where demand had been highest, and promised measures to stop touts.
        """),
        ("entertainment", """
        The broadcaster has commissioned a second series of its popular crime drama after the first drew audiences of more than eight million. The show, set in a small coastal town, follows a detective who returns home after years in the capital to investigate the disappearance of a teenager. Writers said the new episodes would explore the town's history and introduce several new characters. Filming is due to start in the spring. The production has been credited with boosting tourism in the area, where visitors now take guided walks to the locations used in the series.
        """),
        ("entertainment", """
        A museum exhibition of costumes from classic musicals has become the most visited show in its history, with queues stretching around the building at weekends. Curators spent three years tracking down outfits held by private collectors, theatres and the families of performers. Among the highlights are dresses worn in productions from the nineteen fifties and a coat that was thought to have been lost in a fire. The exhibition has been extended until January, and organisers are in talks to take it on tour to North America and Asia.
        """),
        ("politics", """
        The prime minister faced angry questions in parliament over plans to change the way councils are funded, with members of her own party warning that rural areas would lose out. Ministers insist the reforms will make the system fairer and give local leaders more control over spending. Opposition leaders accused the government of hiding cuts behind technical changes and demanded an independent review. A vote on the plans is expected next month. Several councils have already said they will have to raise local taxes or reduce services such as libraries and bus routes if the changes go ahead.
        """),
        ("politics", """
        Voters go to the polls on Thursday in an election that polls suggest is too close to call. The two main parties have spent the final days of the campaign focusing on health, housing and the cost of living. Smaller parties hope to win enough seats to play a part in forming the next government. Turnout is expected to be higher than at the last election, when fewer than two thirds of registered voters took part. Counting will begin as soon as polling stations close, and the first results are expected shortly after midnight.
        """),
        ("politics", """
        The foreign secretary arrived in the region on Monday for talks aimed at ending the border dispute that has displaced thousands of people. She is due to meet leaders from both sides and representatives of aid agencies working in the camps. Officials said they hoped the visit would lead to a ceasefire and the return of monitors. Critics said the government had been slow to act and had cut aid to the region last year. The United Nations has warned that food supplies in the camps could run out within weeks if access is not restored.
        """),
        ("politics", """
        A committee of members of parliament has called for tighter rules on lobbying after an inquiry found that former ministers had taken jobs with companies they once regulated. The report said the current system relied too much on trust and recommended a ban of at least two years on such appointments. The government said it would study the proposals carefully. Campaigners for openness in public life welcomed the findings but said they did not go far enough, arguing that meetings between ministers and lobbyists should be published within a month.
        """),
        ("sport", """
        The home side came from two goals down to win in the final minutes of a thrilling match that leaves them top of the league at Christmas. Their manager praised the character of his young squad and said the result showed how far they had come since the start of the season. The visitors had looked comfortable after scoring twice before half-time, but a change of shape after the break turned the game. The winning goal came from a header at a corner in the ninetieth minute. The two teams meet again in the cup next month.
        """),
        ("sport", """
        The world champion withdrew from the tournament with a shoulder injury on the eve of her first match, ending hopes of a third title in a row. She said she had been struggling with the problem for several weeks and needed time to recover fully. Her coach said surgery was not expected but that she would miss at least a month. The draw has opened up for the other leading players, several of whom have never reached a final here. Organisers said ticket holders for her match would be offered refunds or seats on another day.
        """),
        ("sport", """
        The national rugby team named three uncapped players in its squad for the autumn series, including a nineteen year old winger who has scored in every game for his club this season. The head coach said the selection was about building for the next World Cup rather than short-term results. Several experienced forwards were left out, and the captain is still recovering from a knee operation. The team play four matches in four weeks, starting against the reigning champions, and will be based at a training camp on the coast.
        """),
        ("sport", """
        The marathon was won in a course record time despite warm weather that forced organisers to add extra water stations along the route. The winner broke clear of a group of five runners with six miles to go and was never caught. More than forty thousand people finished the race, many raising money for charity. Medical staff treated dozens of runners for heat exhaustion, and several were taken to hospital as a precaution. The organisers said they would review the start time for next year's race.
        """),
        ("tech", """
        The company unveiled a new smartphone with a folding screen and a battery that it says lasts two days on a single charge. The device will go on sale next month at a price well above most of its rivals. Reviewers who tried it praised the display but said the camera was not a big improvement on the previous model. Analysts said the launch was important for the firm, whose share of the market has fallen as cheaper handsets have improved. The company also announced a subscription service that bundles music, films and cloud storage.
        """),
        ("tech", """
        Security researchers discovered a flaw in widely used home routers that could let attackers take control of devices and spy on internet traffic. The manufacturer has released an update and urged customers to install it as soon as possible. Experts warned that many people never update their routers, leaving millions of devices exposed for years. The flaw was found during a review of the software that runs the devices and was reported privately to the firm before being made public. Regulators are considering rules that would require makers to provide updates for a minimum period.
        """),
        ("tech", """
        Broadband providers have been told to improve the speeds they advertise after the regulator found that many customers received far less than they were promised. New rules will require companies to give a guaranteed minimum speed when customers sign up and to let them leave their contract without penalty if it is not met. Rural areas continue to lag behind towns and cities, with some villages still relying on connections that are too slow for video calls. The government has promised to bring fast broadband to every home by the end of the decade.
        """),
        ("tech", """
        A start-up that uses artificial intelligence to read medical scans has raised a large sum from investors to expand into hospitals across Europe. Its software highlights areas of concern for doctors to review, and trials suggest it can reduce the time needed to report results. Some clinicians have urged caution, saying the tools must be tested on patients from many backgrounds before they are relied upon. The firm said its systems were designed to support, not replace, specialists. It plans to double its staff over the next year and open an office in the United States.
        """),
    ]
}
