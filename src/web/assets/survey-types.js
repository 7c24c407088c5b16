// @ts-check
// JSDoc types of the survey API as the pages read it (src/surveys/*.view.ts, survey-results.ts).
// Types only: nothing is exported at run time.

/**
 * @typedef {'staff' | 'customers' | 'employers'} Audience
 * @typedef {'planned' | 'running' | 'ended' | 'closed'} RoundStatus
 * @typedef {'better' | 'worse' | 'same'} Change
 * @typedef {{ text: string, icon: string }} Wording
 *
 * @typedef {object} SurveyVocabulary
 * @property {Record<Audience, string>} audiences
 * @property {Record<RoundStatus, Wording>} roundStatuses
 * @property {Record<Change, Wording>} changes
 * @property {Record<string, string>} hiddenReasons
 * @property {Record<string, string>} figures
 *
 * @typedef {{ id: string, labels: string[] }} Scale
 * @typedef {{ kind: 'rating', id: string, text: string, scale: string, importance: { text: string } | null }} RatingItem
 * @typedef {{ kind: 'text', id: string, text: string, maxLength: number }} TextItem
 * @typedef {RatingItem | TextItem} QuestionnaireItem
 * @typedef {{ id: string, title: string, description: string | null, items: QuestionnaireItem[] }} QuestionnaireField
 *
 * @typedef {object} Questionnaire
 * @property {string} id
 * @property {string} version
 * @property {string} title
 * @property {Audience} audience
 * @property {string} intro
 * @property {{ section: string, passage: string } | null} citation
 * @property {{ note: string } | null} example
 * @property {Record<string, Scale>} scales
 * @property {string | null} importanceScale
 * @property {QuestionnaireField[]} fields
 *
 * @typedef {object} RoundOffice
 * @property {string} officeId
 * @property {string} officeName
 * @property {number | null} answers
 * @property {boolean} belowMinimum
 * @property {number | null} codesIssued
 * @property {string | null} linkPath
 *
 * @typedef {object} Round
 * @property {string} id
 * @property {string} questionnaireId
 * @property {string} questionnaireVersion
 * @property {string} title
 * @property {Audience} audience
 * @property {'code' | 'link'} answeredBy
 * @property {boolean} example
 * @property {string} from
 * @property {string} to
 * @property {number} minimumGroupSize
 * @property {RoundStatus} status
 * @property {boolean} resultsAvailable
 * @property {string} createdAt
 * @property {string | null} closedAt
 * @property {RoundOffice[]} offices
 *
 * @typedef {{ answers: number | null, actualMean: number, gap: number | null, change: Change }} Previous
 *
 * @typedef {object} ItemResult
 * @property {string} itemId
 * @property {string} text
 * @property {number} steps
 * @property {number | null} answers
 * @property {number[] | null} distribution
 * @property {number | null} actualMean
 * @property {number | null} importanceAnswers
 * @property {number | null} importanceMean
 * @property {number | null} gap
 * @property {Previous | null} previous
 *
 * @typedef {object} FieldResult
 * @property {string} fieldId
 * @property {string} title
 * @property {number | null} actualMean
 * @property {number | null} importanceMean
 * @property {number | null} gap
 * @property {number | null} rank
 * @property {Previous | null} previous
 * @property {ItemResult[]} items
 *
 * @typedef {{ itemId: string, question: string, texts: string[] }} CommentGroup
 *
 * @typedef {object} GroupResult
 * @property {string} key
 * @property {string | null} officeId
 * @property {string} label
 * @property {boolean} shown
 * @property {string | null} hiddenReason
 * @property {number | null} answers
 * @property {{ answers: number } | null} previous
 * @property {FieldResult[]} fields
 * @property {CommentGroup[] | null} comments
 *
 * @typedef {object} RoundResults
 * @property {Round} round
 * @property {Array<{ id: string, title: string }>} fields
 * @property {{ id: string, title: string, from: string, to: string } | null} previousRound
 * @property {GroupResult[]} groups
 * @property {{ available: boolean, message: string | null }} actions
 *
 * @typedef {object} PlannedAction
 * @property {string} actionId
 * @property {string} fieldId
 * @property {string | null} itemId
 * @property {string | null} officeId
 * @property {string} title
 * @property {string} status
 * @property {string} statusText
 * @property {string | null} measure
 * @property {string | null} dueDate
 * @property {boolean} overdue
 * @property {string} responsibleSide
 * @property {string} responsibleSideText
 * @property {string | null} href
 * @property {{ roundId: string, roundTitle: string, change: Change | null, before: FollowUpFigures, after: FollowUpFigures } | null} followUp
 *
 * @typedef {{ actualMean: number | null, gap: number | null, answers: number | null }} FollowUpFigures
 *
 * @typedef {object} ActionPlan
 * @property {Round} round
 * @property {boolean} available
 * @property {string | null} message
 * @property {{ id: string, title: string } | null} nextRound
 * @property {Array<{ fieldId: string, title: string, gap: number | null, rank: number | null, actualMean: number | null, actions: PlannedAction[] }>} fields
 *
 * @typedef {{ roundTitle: string, officeName: string, from: string, to: string, questionnaire: Questionnaire, ballot?: string }} PublicForm
 */

export {};
