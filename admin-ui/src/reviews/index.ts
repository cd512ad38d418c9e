import RateReviewIcon from '@mui/icons-material/RateReview';
import { ReviewList } from './ReviewList';

export const reviews = { list: ReviewList, icon: RateReviewIcon };
