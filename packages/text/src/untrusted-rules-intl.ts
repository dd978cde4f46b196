import { NA, NB, rx, type UntrustedRule } from './untrusted-patterns'

/**
 * The most common override, persona, directive and disclosure phrasings in German, French, Spanish and
 * Portuguese. Narrower than the English rules: each needs the AI-specific word ("Anweisungen", "IA",
 * "instrucciones anteriores"), so ordinary policy text in those languages stays untouched.
 */
export const untrustedIntlRules: UntrustedRule[] = [
  {
    // The same override, phrased in German, French, Spanish and Portuguese.
    reason: 'override',
    strength: 'strong',
    hints: [/ignor|vergiss|vergessen|missacht|oubli|tiens|tenez|olvid|descart|omit|esque|desconsider/i],
    pattern: rx(
      [
        String.raw`\b(?:ignorier(?:e|en sie|t)?|vergiss|vergessen sie|missachte(?:n sie)?)\s+(?:bitte\s+)?(?:alle\s+)?(?:deine\s+|ihre\s+|die\s+|sämtliche\s+)?(?:vorherigen|vorigen|bisherigen|obigen|früheren|vorangegangenen|ursprünglichen|vorhergehenden)\s+(?:anweisungen|instruktionen|befehle|anordnungen|regeln|vorgaben)${NA}`,
        String.raw`\b(?:ignorier(?:e|en sie)?|vergiss|vergessen sie)\s+(?:alle|deine|ihre)\s+(?:anweisungen|instruktionen|befehle)${NA}`,
        String.raw`\b(?:ignore[zr]?|oublie[zr]?|ne tiens pas compte|ne tenez pas compte)\s+(?:de\s+|des\s+)?(?:toutes\s+|tous\s+)?(?:les|tes|vos)\s+(?:instructions|consignes|directives|règles|commandes)\s+(?:précédentes|antérieures|ci-dessus|données|reçues)${NA}`,
        String.raw`\b(?:ignore[zr]?|oublie[zr]?)\s+(?:toutes\s+)?(?:tes|vos)\s+(?:instructions|consignes|directives)${NA}`,
        String.raw`\b(?:ignora|ignore|olvida|olvide|descarta|descarte|omite|omita)\s+(?:todas\s+)?(?:las|tus|sus)\s+(?:instrucciones|indicaciones|órdenes|reglas)\s+(?:anteriores|previas|de arriba|precedentes|recibidas)${NA}`,
        String.raw`\b(?:ignore|ignora|esqueça|esquece|desconsidere|desconsidera)\s+(?:todas\s+)?(?:as|suas|tuas)\s+(?:instruções|orientações|ordens|regras)\s+(?:anteriores|prévias|acima|precedentes|recebidas)${NA}`,
      ].join('|'),
    ),
  },
  {
    reason: 'addressed-to-ai',
    strength: 'strong',
    hints: [/\bals\b|en tant|como/i],
    pattern: rx(
      [
        String.raw`\bals\s+(?:eine?\s+)?(?:ki|künstliche intelligenz|ki-assistent(?:in)?|ki-sprachmodell|sprachmodell|chatbot|ki-modell)${NA}[^.]{0,25}${NB}(?:du|musst|sollst|darfst|antworte|sage?)${NA}`,
        String.raw`\ben tant qu['’]\s*(?:ia|intelligence artificielle|assistant(?:e)? (?:ia|virtuel(?:le)?|d['’]ia)|modèle de langage|agent conversationnel|chatbot|llm)${NA}`,
        String.raw`\bcomo\s+(?:un|una|um|uma)\s+(?:asistente de (?:ia|inteligencia artificial)|assistente de (?:ia|inteligência artificial)|modelo de (?:lenguaje|linguagem)|ia|inteligencia artificial|inteligência artificial|chatbot)${NA}`,
      ].join('|'),
    ),
  },
  {
    reason: 'persona',
    strength: 'strong',
    hints: [/du bist|tu es|vous êtes|ahora eres|agora/i],
    pattern: rx(
      [
        String.raw`\bdu bist (?:jetzt|nun|ab sofort)\s+(?:eine?\s+)?(?:[\p{L}-]+\s+)?(?:ki|assistent|chatbot|bot|modell|dan)${NA}`,
        String.raw`\b(?:tu es|vous êtes)\s+(?:maintenant|désormais|dorénavant)\s+(?:une?\s+)?(?:[\p{L}-]+\s+)?(?:ia|assistant|chatbot|bot|modèle)${NA}`,
        String.raw`\bahora eres\s+(?:una?\s+)?(?:[\p{L}-]+\s+)?(?:ia|asistente|chatbot|bot|modelo)${NA}`,
        String.raw`\bagora (?:você é|és|tu és)\s+(?:uma?\s+)?(?:[\p{L}-]+\s+)?(?:ia|assistente|chatbot|bot|modelo)${NA}`,
      ].join('|'),
    ),
  },
  {
    reason: 'output-directive',
    strength: 'strong',
    hints: [/antwort|réponse|répon|respuesta|responde|resposta|responda/i],
    pattern: rx(
      [
        String.raw`\b(?:beende|schließe|beginne)\s+(?:deine|jede)\s+antwort\s+mit${NA}`,
        String.raw`\bantworte\s+(?:nur|ausschließlich|lediglich)\s+mit${NA}`,
        String.raw`\b(?:termine|terminez|finis|finissez|commence|commencez)\s+(?:ta|votre|chaque)\s+réponse\s+(?:par|avec)${NA}`,
        String.raw`\brépon(?:ds|dez)\s+(?:uniquement|seulement|exclusivement)\s+(?:par|avec)${NA}`,
        String.raw`\b(?:termina|finaliza|empieza|comienza)\s+(?:tu|cada)\s+respuesta\s+con${NA}`,
        String.raw`\bresponde\s+(?:solo|solamente|únicamente|exclusivamente)\s+con${NA}`,
        String.raw`\b(?:termine|finalize|comece|inicie)\s+(?:sua|tua|cada)\s+resposta\s+com${NA}`,
        String.raw`\bresponda\s+(?:apenas|somente|só|exclusivamente)\s+com${NA}`,
      ].join('|'),
    ),
  },
  {
    reason: 'prompt-disclosure',
    strength: 'strong',
    hints: [
      /zeige|gib|verrate|wiederhole|nenne|révèle|révélez|affiche|montre|répète|répétez|revela|muestra|repite|imprime|revele|mostre|repita|imprima/i,
    ],
    pattern: rx(
      [
        String.raw`\b(?:zeige|gib|verrate|wiederhole|nenne)\s+(?:mir\s+)?(?:deine[n]?|den|die)\s+(?:system-?prompt|systemanweisungen|anweisungen|instruktionen)${NA}`,
        String.raw`\b(?:révèle|révélez|affiche|affichez|montre|montrez|répète|répétez)\s+(?:tes|vos)\s+(?:instructions|consignes)${NA}`,
        String.raw`\b(?:revela|muestra|repite|imprime)\s+tus\s+instrucciones${NA}`,
        String.raw`\b(?:revele|mostre|repita|imprima)\s+(?:suas|tuas)\s+instruções${NA}`,
      ].join('|'),
    ),
  },
  {
    reason: 'prompt-disclosure',
    strength: 'weak',
    hints: [/prompt|système|sistema/i],
    pattern: rx(
      String.raw`\bsystem\s+prompts?\b|\b(?:initial|hidden|secret)\s+prompts?\b|\bpre-?prompt\b|${NB}(?:prompt|invite|message)\s+(?:du\s+)?système${NA}|${NB}(?:prompt|mensaje|mensagem)\s+d[eo]l?\s+sistema${NA}`,
    ),
  },
  {
    reason: 'concealment',
    strength: 'strong',
    hints: [/benutzer|nutzer|anwender|utilisateur|usuario|usuário/i],
    pattern: rx(
      [
        String.raw`\b(?:sag|sage|erzähle|verrate)\s+(?:dem|der)\s+(?:benutzer|nutzer|anwender)(?:in)?\s+nichts?\s*,?\s*(?:davon|von (?:diesen|dieser) anweisung|dass du)`,
        String.raw`\bne (?:dis|dites) (?:rien|pas) à l['’]utilisateur\s+(?:de ces instructions|que tu|que vous)`,
        String.raw`\bno le (?:digas|diga) al usuario\s+(?:que|nada de esto|sobre estas)`,
        String.raw`\bnão (?:diga|conte) ao usuário\s+(?:que|sobre estas|nada disto)`,
      ].join('|'),
    ),
  },
]
